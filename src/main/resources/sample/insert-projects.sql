INSERT INTO projects (id, code, name, customer, status, created_at) VALUES (?, ?, ?, ?, ?, ?)
