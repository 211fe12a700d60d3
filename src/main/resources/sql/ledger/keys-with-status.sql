select source_key
  from splice_record
 where tenant = :tenant and entity = :entity and status = :status and source_key in (:keys)
