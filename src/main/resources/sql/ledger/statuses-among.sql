-- a page's records the ledger knows, with their status: MIGRATED ones are skipped, FAILED ones sent again (their
-- dead letters retired); QUEUED and FAILED ones may have another message in flight, so their consumer checks again
select source_key, status, run_id, updated_at
  from splice_record
 where tenant = :tenant and entity = :entity and source_key in (:keys)
