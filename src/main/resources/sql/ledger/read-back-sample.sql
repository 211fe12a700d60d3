-- the reconciliation's read-back: migrated records of a run whose request body was kept (a sample)
select source_key, target_id, request_body
  from splice_record
 where run_id = :runId and entity = :entity and status = 'MIGRATED' and request_body is not null
 order by source_key
 limit :max
