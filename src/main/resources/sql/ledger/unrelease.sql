-- the release could not be sent: BLOCKED again, so a later run or replay sends them (and no run waits for them)
update splice_record
   set status = 'BLOCKED', updated_at = :now
 where tenant = :tenant and blocked_by_entity = :parentEntity and blocked_by_key = :parentKey
   and status = 'QUEUED' and run_id = :runId
