-- records released for this run (QUEUED in their parent's transaction, still naming it) and not sent yet: they go
-- when the wave that released them is over, in source order per group (ReleaseWaves)
select tenant, entity, source_key, group_key, payload
  from splice_record
 where run_id = :runId and status = 'QUEUED' and blocked_by_entity is not null
