DELETE FROM sessions
WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $1)
