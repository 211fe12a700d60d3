update splice_record
   set status = 'FAILED', target_id = null, http_status = :httpStatus, attempts = attempts + :attempts,
       error_class = :errorClass, reason = :reason, error_message = :errorMessage,
       payload = :payload, request_body = :requestBody,
       blocked_by_entity = null, blocked_by_key = null, updated_at = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey
