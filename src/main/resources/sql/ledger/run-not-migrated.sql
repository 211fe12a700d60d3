-- failed.csv: every record of the run not migrated, DISCARDED and those without an outcome included; never payload
-- or request_body (they may hold personal data and secrets)
select tenant, entity, source_key, status, reason, http_status, blocked_by_entity, blocked_by_key,
       case when status = 'FAILED' then failed_fields end as failed_fields
  from splice_record
 where run_id = :runId and status <> 'MIGRATED'
 order by entity, status, source_key
