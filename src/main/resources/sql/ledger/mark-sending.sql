-- a record's call may leave now: still set without an outcome after a crash, the record is in doubt (V7)
update splice_record set sending_since = :now
 where tenant = :tenant and entity = :entity and source_key = :sourceKey
