insert into splice_run (run_id, tenant, migration, kind, status, started_at)
values (:runId, :tenant, :migration, :kind, 'RUNNING', :now)
