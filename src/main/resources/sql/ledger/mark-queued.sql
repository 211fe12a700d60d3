merge into splice_record r
using (values (cast(:tenant as varchar(100)), cast(:entity as varchar(100)), cast(:sourceKey as varchar(200)),
               cast(:groupKey as varchar(200)), cast(:runId as varchar(64)), cast(:now as timestamp)))
      as v (tenant, entity, source_key, group_key, run_id, now)
   on r.tenant = v.tenant and r.entity = v.entity and r.source_key = v.source_key
 -- never downgrade a record a consumer migrated (or an operator discarded) between the page's ledger check and this
 -- statement
 when matched and r.status not in ('MIGRATED', 'DISCARDED')
      -- nor one this process FAILED for this run meanwhile (another message of it came first): once per run
      and not (cast(:failedSince as timestamp) is not null and r.status = 'FAILED' and r.run_id = v.run_id
               and r.updated_at >= cast(:failedSince as timestamp)) then
      update set status = 'QUEUED', group_key = v.group_key, run_id = v.run_id, updated_at = v.now,
                 blocked_by_entity = null, blocked_by_key = null,
                 -- an earlier attempt may have reached the target (see V4)
                 resend_check = case when r.status in ('QUEUED', 'FAILED') then true else r.resend_check end
 when not matched then
      insert (tenant, entity, source_key, group_key, status, run_id, attempts, updated_at)
      values (v.tenant, v.entity, v.source_key, v.group_key, 'QUEUED', v.run_id, 0, v.now)
