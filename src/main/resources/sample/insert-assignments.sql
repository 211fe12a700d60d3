INSERT INTO assignments (id, connection_id, work_type, contractor, due_on, status, customer) VALUES (?, ?, ?, ?, ?, ?, ?)
