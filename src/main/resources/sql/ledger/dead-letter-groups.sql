-- FAILED records grouped by fingerprint: entity, HTTP status and the (groupable) reason
select entity, http_status, reason, count(*) as records, min(source_key) as sample_key, max(updated_at) as last_seen
  from splice_record
 where status = 'FAILED' and (:tenant is null or tenant = :tenant)
 group by entity, http_status, reason
 order by count(*) desc, entity, reason
