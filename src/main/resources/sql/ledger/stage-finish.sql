update splice_stage set status = :status, finished_at = :now, error = :error
 where run_id = :runId and stage = :stage and status = 'RUNNING'
