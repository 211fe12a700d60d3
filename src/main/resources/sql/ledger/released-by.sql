select entity, source_key, group_key, payload
  from splice_record
 where tenant = :tenant and blocked_by_entity = :parentEntity and blocked_by_key = :parentKey
   and status = 'QUEUED' and run_id = :runId
 order by entity, source_key
