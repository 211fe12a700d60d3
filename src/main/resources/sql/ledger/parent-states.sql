select source_key, status, target_id, reason
  from splice_record
 where tenant = :tenant and entity = :entity and source_key in (:keys)
