update splice_run set status = :status, finished_at = :now, error = :error where run_id = :runId
