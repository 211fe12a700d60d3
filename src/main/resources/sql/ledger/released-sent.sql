-- a released record is on the broker: it no longer waits for its wave (its outcome clears the rest)
update splice_record
   set blocked_by_entity = null, blocked_by_key = null
 where tenant = :tenant and entity = :entity and source_key = :sourceKey and status = 'QUEUED' and run_id = :runId
