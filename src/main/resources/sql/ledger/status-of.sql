select status, resend_check, updated_at from splice_record
 where tenant = :tenant and entity = :entity and source_key = :sourceKey
