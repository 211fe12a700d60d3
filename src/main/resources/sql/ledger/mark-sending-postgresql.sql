-- mark-sending.sql for a PostgreSQL ledger, committed without waiting for the WAL's disk sync (this transaction only):
-- the marker must survive Splice dying, which it does once PostgreSQL has it; a PostgreSQL crash may lose the last
-- few hundred ms of markers. A synchronous commit per record made the load ~4x slower (CrashLoopReliabilityIT).
with async as (select set_config('synchronous_commit', 'off', true) as setting)
update splice_record set sending_since = :now
  from async
 where tenant = :tenant and entity = :entity and source_key = :sourceKey
