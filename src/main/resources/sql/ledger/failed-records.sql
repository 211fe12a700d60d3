-- FAILED records of an entity, optionally of one fingerprint (reason) and/or some source keys, with what was queued
select source_key, group_key, payload, reason, http_status
  from splice_record
 where tenant = :tenant and entity = :entity and status = 'FAILED'
   and (cast(:reason as varchar(1000)) is null or reason = :reason)
   and (:anyKey = true or source_key in (:keys))
 order by source_key
 limit :limit
