-- the ledger's view of each tenant and entity: every record ever read, by status (the state of the migration)
select tenant, entity, status, count(*) as records, max(updated_at) as last_update
  from splice_record
 group by tenant, entity, status
