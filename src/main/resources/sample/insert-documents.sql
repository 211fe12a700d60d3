INSERT INTO documents (id, project_id, filename, content_type, content, customer) VALUES (?, ?, ?, ?, ?, ?)
