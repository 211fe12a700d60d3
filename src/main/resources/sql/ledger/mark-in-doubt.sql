-- a record MIGRATED after an attempt whose answer was lost: in doubt stays in doubt (V7); the first reason is kept
update splice_record
   set in_doubt = true, in_doubt_reason = coalesce(in_doubt_reason, cast(:inDoubtReason as varchar(300)))
 where tenant = :tenant and entity = :entity and source_key = :sourceKey
