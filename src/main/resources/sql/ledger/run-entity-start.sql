insert into splice_run_entity (run_id, entity, read_count, skipped_count, queued_count, started_at)
values (:runId, :entity, 0, 0, 0, :now)
