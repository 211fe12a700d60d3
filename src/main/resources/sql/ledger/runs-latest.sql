select run_id, tenant, migration, kind, status, started_at, finished_at, error
  from splice_run
 order by started_at desc
 limit :limit
