-- the ledger's view of each tenant and entity: every record ever read, by status (the state of the migration)
-- (in_doubt: of them, those whose request may have reached the target unanswered, V7)
select tenant, entity, status, count(*) as records, max(updated_at) as last_update,
       sum(case when in_doubt then 1 else 0 end) as in_doubt
  from splice_record
 group by tenant, entity, status
 order by tenant, entity, status
