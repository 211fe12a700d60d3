-- parent-states.sql for a PostgreSQL ledger: the keys as one array joined to the primary key (see
-- statuses-among-postgresql.sql: an IN list let the planner scan the whole ledger)
select r.source_key, r.status, r.target_id, r.reason
  from unnest(cast(:keys as varchar[])) as k(source_key)
  join splice_record r on r.tenant = :tenant and r.entity = :entity and r.source_key = k.source_key
