update splice_record
   set status = 'MIGRATED', target_id = :targetId, http_status = :httpStatus, attempts = attempts + :attempts,
       error_class = null, reason = null, error_message = null, target_answer = null, failed_fields = null, payload = null, request_body = :requestBody,
       blocked_by_entity = null, blocked_by_key = null, resend_check = false, sending_since = null,
       updated_at = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey
