select stage, attempt, kind, status, started_at, finished_at, error
  from splice_stage
 where run_id = :runId
 order by started_at, attempt
