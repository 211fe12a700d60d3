-- FAILED records grouped by fingerprint: tenant, entity, HTTP status and the (groupable) reason
select tenant, entity, http_status, reason, count(*) as records, min(source_key) as sample_key, max(updated_at) as last_seen
  from splice_record
 where status = 'FAILED' and (:tenant is null or tenant = :tenant)
 group by tenant, entity, http_status, reason
 order by count(*) desc, tenant, entity, reason
