-- one attempt of a stage: the outcomes recorded while it ran (a resumed stage's attempts each show their own)
select entity, status, count(*) as records
  from splice_record
 where run_id = :runId and entity in (:entities) and updated_at >= :from and updated_at < :to
 group by entity, status
