insert into splice_run (run_id, tenant, status, started_at) values (:runId, :tenant, 'RUNNING', :now)
