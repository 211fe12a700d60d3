-- order strict: the records of a group this run recorded BLOCKED (through the run index), to wait behind its holder
select tenant, entity, source_key, group_key, payload
  from splice_record
 where run_id = :runId and status = 'BLOCKED' and entity = :entity and tenant = :tenant and group_key = :groupKey
