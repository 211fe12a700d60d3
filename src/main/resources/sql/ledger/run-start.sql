insert into splice_run (run_id, tenant, migration, kind, status, started_at, owner, heartbeat_at, parameters)
values (:runId, :tenant, :migration, :kind, 'RUNNING', :now, :owner, :now, :parameters)
