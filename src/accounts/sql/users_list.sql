SELECT id, username, first_name, last_name, email, phone_number, role, is_active,
       last_login, created_at, locked_until
FROM user_accounts ORDER BY lower(username)
