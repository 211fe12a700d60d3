update splice_run_entity set finished_at = :now where run_id = :runId and entity = :entity
