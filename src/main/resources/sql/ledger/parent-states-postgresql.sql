-- parent-states.sql for a PostgreSQL ledger: each key looked up on its own through the primary key (see
-- statuses-among-postgresql.sql: a join or an IN list read every record of the entity in a ledger without statistics)
select k.source_key, r.status, r.target_id, r.reason
  from unnest(cast(:keys as varchar[])) as k(source_key)
 cross join lateral (select status, target_id, reason from splice_record
                      where tenant = :tenant and entity = :entity and source_key = k.source_key limit 1) as r
