-- the report's "not migrated, by reason": FAILED, BLOCKED and DISCARDED (which keep the reason they failed with)
select entity, status, reason, count(*) as records
  from splice_record
 where run_id = :runId and status in ('FAILED', 'BLOCKED', 'DISCARDED')
 group by entity, status, reason
 order by count(*) desc, entity, status, reason
