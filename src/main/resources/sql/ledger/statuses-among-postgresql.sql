-- statuses-among.sql for a PostgreSQL ledger: the page's keys arrive as one array, joined to the primary key. An IN
-- list of 200 keys let the planner scan the whole table instead (seen: 35-110 ms a page at 20,000 records, growing
-- with the ledger); the join probes the index once per key, whatever the ledger's size
select r.source_key, r.status
  from unnest(cast(:keys as varchar[])) as k(source_key)
  join splice_record r on r.tenant = :tenant and r.entity = :entity and r.source_key = k.source_key
