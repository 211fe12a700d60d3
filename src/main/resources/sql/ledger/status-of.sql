select status, resend_check, updated_at, run_id, sending_since from splice_record
 where tenant = :tenant and entity = :entity and source_key = :sourceKey
