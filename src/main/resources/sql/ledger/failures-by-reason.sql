select entity, status, reason, count(*) as records
  from splice_record
 where run_id = :runId and status in ('FAILED', 'BLOCKED')
 group by entity, status, reason
 order by count(*) desc, entity, status, reason
