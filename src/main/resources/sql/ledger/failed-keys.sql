-- The keys of an entity's FAILED records, optionally of one fingerprint (reason) and/or among some source keys:
-- what a replay or discard of that selection touches, in a stable order
select source_key
  from splice_record
 where tenant = :tenant and entity = :entity and status = 'FAILED'
   and (cast(:reason as varchar(1000)) is null or reason = :reason)
   and (:anyKey = true or source_key in (:keys))
 order by source_key
 limit :limit
