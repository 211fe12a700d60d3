update splice_record
   set status = 'FAILED', target_id = null, http_status = :httpStatus, attempts = attempts + :attempts,
       error_class = :errorClass, reason = :reason, error_message = :errorMessage,
       payload = :payload, request_body = :requestBody,
       blocked_by_entity = null, blocked_by_key = null, sending_since = null,
       -- in doubt stays in doubt (V7); the first reason is kept
       in_doubt = in_doubt or cast(:inDoubtReason as varchar(300)) is not null,
       in_doubt_reason = coalesce(in_doubt_reason, cast(:inDoubtReason as varchar(300))),
       updated_at = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey
