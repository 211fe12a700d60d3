-- report.html's throughput: bucketed in Java, so the statement stays the same on PostgreSQL and H2
select updated_at
  from splice_record
 where run_id = :runId and status = 'MIGRATED'
