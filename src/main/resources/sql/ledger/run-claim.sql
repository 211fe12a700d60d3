update splice_run set status = 'RUNNING', owner = :owner, heartbeat_at = :now, finished_at = null, error = null,
       parameters = :parameters
 where run_id = :runId
