-- the operator API's in-doubt records (V7), whatever their status now, newest first; never payload or request_body
select tenant, entity, source_key, status, in_doubt_reason, target_id, run_id, updated_at
  from splice_record
 where in_doubt = true and (cast(:tenant as varchar(100)) is null or tenant = :tenant)
   and (cast(:entity as varchar(100)) is null or entity = :entity)
 order by updated_at desc, tenant, entity, source_key
 limit :limit
