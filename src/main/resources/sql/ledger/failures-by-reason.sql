select entity, reason, count(*) as records
  from splice_record
 where run_id = :runId and status = 'FAILED'
 group by entity, reason
 order by count(*) desc, entity, reason
