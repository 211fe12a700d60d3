update splice_run set saved = :saved where run_id = :runId
