INSERT INTO sessions (id, user_id, csrf_token, expires_at, ip_address, user_agent)
VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)
