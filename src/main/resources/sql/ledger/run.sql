select run_id, tenant, migration, kind, status, started_at, finished_at, error, parameters
  from splice_run where run_id = :runId
