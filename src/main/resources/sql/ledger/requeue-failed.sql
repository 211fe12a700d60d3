update splice_record set status = 'QUEUED', run_id = :runId, updated_at = :now, resend_check = true
 where tenant = :tenant and entity = :entity and source_key = :sourceKey and status = 'FAILED'
