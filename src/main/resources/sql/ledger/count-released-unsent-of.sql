select count(*) from splice_record
 where run_id = :runId and status = 'QUEUED' and entity in (:entities) and blocked_by_entity is not null
