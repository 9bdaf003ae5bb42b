DELETE FROM sessions WHERE id = $1 RETURNING user_id
