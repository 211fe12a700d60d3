-- statuses-among.sql for a PostgreSQL ledger: the page's keys arrive as one array, and each key is looked up on its
-- own through the primary key (LIMIT 1 keeps the planner from turning the look-ups into a join). Both an IN list
-- and a join of the array let the planner read every record of the entity in a ledger without statistics yet (a
-- first run): 40-60 ms a page at 200,000 records, growing with the ledger; this stays at a fraction of a ms
select k.source_key, r.status, r.run_id, r.updated_at
  from unnest(cast(:keys as varchar[])) as k(source_key)
 cross join lateral (select status, run_id, updated_at from splice_record
                      where tenant = :tenant and entity = :entity and source_key = k.source_key limit 1) as r
