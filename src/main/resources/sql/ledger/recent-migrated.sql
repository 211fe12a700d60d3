select tenant, entity, count(*) as records
  from splice_record
 where status = 'MIGRATED' and updated_at >= :since
 group by tenant, entity
