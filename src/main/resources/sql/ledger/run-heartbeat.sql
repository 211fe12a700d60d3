update splice_run set heartbeat_at = :now where owner = :owner and status = 'RUNNING'
