-- FAILED records grouped by fingerprint: tenant, entity, HTTP status and the (groupable) reason; the fields the
-- target's answers named (a reason names them too, so a group's are alike)
select tenant, entity, http_status, reason, count(*) as records, min(source_key) as sample_key, max(updated_at) as last_seen,
       max(failed_fields) as fields
  from splice_record
 where status = 'FAILED' and (:tenant is null or tenant = :tenant)
 group by tenant, entity, http_status, reason
 order by count(*) desc, tenant, entity, reason
