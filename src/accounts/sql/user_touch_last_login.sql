UPDATE users SET previous_login = last_login, last_login = now() WHERE id = $1
