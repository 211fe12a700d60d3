-- a resumed run reads the entity again: its counts are those of the latest extract
merge into splice_run_entity e
using (values (cast(:runId as varchar(64)), cast(:entity as varchar(100)), cast(:now as timestamp)))
      as v (run_id, entity, now)
   on e.run_id = v.run_id and e.entity = v.entity
 when matched then
      update set read_count = 0, skipped_count = 0, queued_count = 0, started_at = v.now, finished_at = null
 when not matched then
      insert (run_id, entity, read_count, skipped_count, queued_count, started_at)
      values (v.run_id, v.entity, 0, 0, 0, v.now)
