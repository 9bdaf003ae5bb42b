SELECT count(*) FROM users WHERE role = 'admin' AND is_active
