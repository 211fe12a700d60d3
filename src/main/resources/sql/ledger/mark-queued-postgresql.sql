-- mark-queued.sql for a PostgreSQL ledger: a page in one statement, its keys and groups as two arrays (a JDBC batch of
-- 200 MERGE statements took ~0.5 s a page next to busy consumers and starved them; this takes a few ms)
insert into splice_record as r (tenant, entity, source_key, group_key, status, run_id, attempts, updated_at)
select cast(:tenant as varchar(100)), cast(:entity as varchar(100)), v.source_key, v.group_key, 'QUEUED',
       cast(:runId as varchar(64)), 0, cast(:now as timestamp)
  from unnest(cast(:sourceKeys as varchar[]), cast(:groupKeys as varchar[])) as v(source_key, group_key)
    on conflict (tenant, entity, source_key) do update
   set status = 'QUEUED', group_key = excluded.group_key, run_id = excluded.run_id, updated_at = excluded.updated_at,
       blocked_by_entity = null, blocked_by_key = null,
       -- an earlier attempt may have reached the target (see V4)
       resend_check = case when r.status in ('QUEUED', 'FAILED') then true else r.resend_check end
 -- never downgrade a record a consumer migrated (or an operator discarded) between the page's ledger check and this
 -- statement
 where r.status not in ('MIGRATED', 'DISCARDED')
   -- nor one this process FAILED for this run meanwhile (another message of it came first): once per run
   and not (cast(:failedSince as timestamp) is not null and r.status = 'FAILED' and r.run_id = excluded.run_id
            and r.updated_at >= cast(:failedSince as timestamp))
