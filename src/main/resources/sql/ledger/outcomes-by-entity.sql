select entity, status, count(*) as records
  from splice_record
 where run_id = :runId
 group by entity, status
