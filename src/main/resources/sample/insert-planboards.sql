INSERT INTO planboards (id, project_id, week, crew, capacity, customer) VALUES (?, ?, ?, ?, ?, ?)
