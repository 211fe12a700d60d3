INSERT INTO connections (id, address_id, kind, status, planned_on, customer) VALUES (?, ?, ?, ?, ?, ?)
