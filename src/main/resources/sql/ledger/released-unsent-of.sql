-- released-unsent.sql for the entities of one level
select tenant, entity, source_key, group_key, payload
  from splice_record
 where run_id = :runId and status = 'QUEUED' and entity in (:entities) and blocked_by_entity is not null
