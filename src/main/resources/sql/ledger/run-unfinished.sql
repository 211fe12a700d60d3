-- the newest run of this migration and tenant, if it did not complete (a replay is never resumed)
select run_id, status, owner, heartbeat_at, parameters, saved
  from splice_run
 where migration = :migration and tenant = :tenant and kind = 'RUN'
 order by started_at desc
 limit 1
