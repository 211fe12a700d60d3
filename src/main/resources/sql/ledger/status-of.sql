select status, resend_check from splice_record where tenant = :tenant and entity = :entity and source_key = :sourceKey
