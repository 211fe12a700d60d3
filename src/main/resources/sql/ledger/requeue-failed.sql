update splice_record set status = 'QUEUED', run_id = :runId, updated_at = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey and status = 'FAILED'
