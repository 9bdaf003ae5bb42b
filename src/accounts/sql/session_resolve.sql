-- A session counts only while within both its idle timeout ($2 minutes) and its absolute
-- lifetime, and while its user is active. The sliding idle timeout is written in the same
-- statement (so a request costs one round trip) and at most once a minute (so reads stay
-- reads: an UPDATE that matches no row writes nothing). ms_left: how long the session stays
-- valid at least (as of before the touch), for the server's short-lived cache.
WITH live AS (
  SELECT s.id, s.csrf_token, u.id AS user_id, u.username, u.first_name, u.last_name, u.role,
         s.last_seen_at < now() - interval '1 minute' AS needs_touch,
         (extract(epoch FROM least(s.expires_at, s.last_seen_at + make_interval(mins => $2))
                             - now()) * 1000)::bigint AS ms_left
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1 AND u.is_active AND s.expires_at > now()
    AND s.last_seen_at > now() - make_interval(mins => $2)
), touched AS (
  UPDATE sessions SET last_seen_at = now()
  WHERE id IN (SELECT id FROM live WHERE needs_touch)
)
SELECT csrf_token, user_id, username, first_name, last_name, role, ms_left FROM live
