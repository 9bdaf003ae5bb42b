INSERT INTO users (username, password_hash, role, is_staff, first_name, last_name, email,
                   phone_number)
VALUES ($1, $2, $3::text, $3::text = 'admin', $4, $5, $6, $7)
RETURNING id
