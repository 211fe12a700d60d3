-- a page's records the ledger has finished (MIGRATED: skipped; FAILED: sent again, their dead letters retired)
select source_key, status
  from splice_record
 where tenant = :tenant and entity = :entity and status in ('MIGRATED', 'FAILED') and source_key in (:keys)
