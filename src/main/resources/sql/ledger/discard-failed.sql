update splice_record
   set status = 'DISCARDED', error_message = :note, updated_at = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey and status = 'FAILED'
