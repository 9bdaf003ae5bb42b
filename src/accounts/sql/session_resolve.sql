-- A session counts only while within both its idle timeout ($2 minutes) and its absolute
-- lifetime, and while its user is active.
SELECT s.csrf_token, u.id, u.username, u.first_name, u.last_name, u.role,
       s.last_seen_at < now() - interval '1 minute' AS needs_touch
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.id = $1 AND u.is_active AND s.expires_at > now()
  AND s.last_seen_at > now() - make_interval(mins => $2)
