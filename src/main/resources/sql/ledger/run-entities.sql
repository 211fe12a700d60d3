select entity, read_count, skipped_count, queued_count, started_at, finished_at
  from splice_run_entity
 where run_id = :runId
 order by started_at, entity
