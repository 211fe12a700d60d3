INSERT INTO addresses (id, project_id, street, house_number, postcode, city, homes_passed, customer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
