SELECT id, password_hash, is_active FROM users WHERE lower(username) = lower($1)
