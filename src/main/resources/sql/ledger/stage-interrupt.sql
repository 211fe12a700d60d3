-- stages left RUNNING by a process that died
update splice_stage set status = 'INTERRUPTED', finished_at = :now,
       error = 'the process running it stopped (' || coalesce(owner, 'unknown') || ')'
 where run_id = :runId and status = 'RUNNING'
