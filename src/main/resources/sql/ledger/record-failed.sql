-- A look-up's failure (keepEarlier) keeps what an earlier failure recorded of the target's answer to the record itself
-- (its reason, status, answer and fields: the 422 a person must fix; the row is QUEUED again by now, reason still set,
-- and only a target's answer has an http_status); the message says what the look-up found
update splice_record
   set status = 'FAILED', target_id = null, attempts = attempts + :attempts,
       http_status = case when :keepEarlier = true and http_status is not null and reason is not null
                          then http_status else :httpStatus end,
       error_class = case when :keepEarlier = true and http_status is not null and reason is not null
                          then error_class else :errorClass end,
       target_answer = case when :keepEarlier = true and http_status is not null and reason is not null
                            then target_answer else :targetAnswer end,
       failed_fields = case when :keepEarlier = true and http_status is not null and reason is not null
                            then failed_fields else :failedFields end,
       reason = case when :keepEarlier = true and http_status is not null and reason is not null
                     then reason else :reason end,
       error_message = :errorMessage,
       payload = :payload, request_body = :requestBody,
       blocked_by_entity = null, blocked_by_key = null, sending_since = null,
       -- in doubt stays in doubt (V7); the first reason is kept
       in_doubt = in_doubt or cast(:inDoubtReason as varchar(300)) is not null,
       in_doubt_reason = coalesce(in_doubt_reason, cast(:inDoubtReason as varchar(300))),
       updated_at = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey
