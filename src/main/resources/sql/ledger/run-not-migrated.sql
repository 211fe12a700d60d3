-- failed.csv: every record of the run not migrated, DISCARDED and those without an outcome included, and those in
-- doubt (V7) even when MIGRATED since; never payload or request_body (they may hold personal data and secrets)
select tenant, entity, source_key, status, reason, http_status, blocked_by_entity, blocked_by_key,
       case when status = 'FAILED' then failed_fields end as failed_fields, in_doubt_reason
  from splice_record
 where run_id = :runId and (status <> 'MIGRATED' or in_doubt = true)
 order by entity, status, source_key
