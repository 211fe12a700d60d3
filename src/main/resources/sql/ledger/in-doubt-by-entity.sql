-- the report's "in doubt" per entity: this run's records whose request may have reached the target unanswered (V7),
-- whatever their status now
select entity, count(*) as records
  from splice_record
 where run_id = :runId and in_doubt = true
 group by entity
