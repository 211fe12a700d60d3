-- The index of blocked records was led by the tenant, which every look-up by key names too: in a new ledger, before
-- PostgreSQL had statistics, the planner took it for the per-record update by key and scanned all of the tenant's
-- records on every update (seen: 4 ms of database CPU a record at 20,000 records, growing with the ledger). Led by
-- the parent it serves only the queries that name a parent.
drop index splice_record_blocked_by;
create index splice_record_blocked_by on splice_record (blocked_by_entity, blocked_by_key, tenant);
