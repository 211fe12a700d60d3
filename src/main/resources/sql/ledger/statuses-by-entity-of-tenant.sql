-- reconciliation: every record of the tenant, whichever run left it
select entity, status, count(*) as records
  from splice_record
 where tenant = :tenant
 group by entity, status
