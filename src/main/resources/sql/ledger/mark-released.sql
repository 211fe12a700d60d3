-- only if still blocked by this parent: a consumer may already have migrated it, or blocked it on another parent
update splice_record
   set status = 'QUEUED', run_id = :runId, updated_at = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey and status = 'BLOCKED'
   and blocked_by_entity = :parentEntity and blocked_by_key = :parentKey
