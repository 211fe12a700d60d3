-- sending a wave of released records failed: BLOCKED again (still naming their parent), so a later run or replay
-- sends them, and no run waits for them
update splice_record
   set status = 'BLOCKED', updated_at = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey and status = 'QUEUED' and run_id = :runId
