-- a child found its parent MIGRATED just after it was recorded BLOCKED by it: QUEUED again, sent by the consumer that
-- holds it (0 rows: the parent's release took it and sends it)
update splice_record
   set status = 'QUEUED', blocked_by_entity = null, blocked_by_key = null, updated_at = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey and status = 'BLOCKED'
   and blocked_by_entity = :entity and blocked_by_key = :parentKey
