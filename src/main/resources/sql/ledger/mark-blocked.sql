merge into splice_record r
using (values (cast(:tenant as varchar(100)), cast(:entity as varchar(100)), cast(:sourceKey as varchar(200)),
               cast(:groupKey as varchar(200)), cast(:runId as varchar(64)), cast(:now as timestamp),
               cast(:parentEntity as varchar(100)), cast(:parentKey as varchar(200)), cast(:reason as varchar(1000)),
               cast(:errorMessage as varchar(4000)), cast(:payload as varchar)))
      as v (tenant, entity, source_key, group_key, run_id, now, parent_entity, parent_key, reason, error_message, payload)
   on r.tenant = v.tenant and r.entity = v.entity and r.source_key = v.source_key
 when matched and r.status not in ('MIGRATED', 'DISCARDED') then
      update set status = 'BLOCKED', group_key = v.group_key, run_id = v.run_id, updated_at = v.now,
                 blocked_by_entity = v.parent_entity, blocked_by_key = v.parent_key, reason = v.reason,
                 error_message = v.error_message, payload = v.payload, error_class = null, http_status = null,
                 target_answer = null, failed_fields = null,
                 target_id = null, request_body = null
 when not matched then
      insert (tenant, entity, source_key, group_key, status, run_id, attempts, updated_at, blocked_by_entity,
              blocked_by_key, reason, error_message, payload)
      values (v.tenant, v.entity, v.source_key, v.group_key, 'BLOCKED', v.run_id, 0, v.now, v.parent_entity,
              v.parent_key, v.reason, v.error_message, v.payload)
