insert into splice_stage (run_id, stage, attempt, kind, status, started_at, owner)
select :runId, :stage, coalesce(max(attempt), 0) + 1, :kind, :status, :now, :owner
  from splice_stage where run_id = :runId and stage = :stage
