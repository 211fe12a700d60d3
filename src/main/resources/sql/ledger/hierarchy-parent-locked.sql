-- a hierarchy's parent, under its row lock: a parent being recorded MIGRATED right now is waited for and seen as such
select status, target_id, reason
  from splice_record
 where tenant = :tenant and entity = :entity and source_key = :parentKey
   for update
