-- in the transaction that records their parent MIGRATED: a run waiting for outcomes never sees a gap
update splice_record
   set status = 'QUEUED', run_id = :runId, updated_at = :now
 where tenant = :tenant and blocked_by_entity = :parentEntity and blocked_by_key = :parentKey and status = 'BLOCKED'
