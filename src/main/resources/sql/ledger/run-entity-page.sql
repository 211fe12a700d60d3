update splice_run_entity
   set read_count = read_count + :read, skipped_count = skipped_count + :skipped, queued_count = queued_count + :queued
 where run_id = :runId and entity = :entity
