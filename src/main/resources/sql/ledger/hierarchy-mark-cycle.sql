update splice_record
   set reason = :reason, error_message = :errorMessage, updated_at = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey and status = 'BLOCKED'
