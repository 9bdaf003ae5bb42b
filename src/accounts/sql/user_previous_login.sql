SELECT to_char(previous_login AT TIME ZONE $2, 'DD/MM/YYYY HH24:MI') FROM users WHERE id = $1
