select entity, status, count(*) as records
  from splice_record
 where run_id = :runId and entity in (:entities)
 group by entity, status
