-- One audit entry, in audit_older.sql's columns. $1 id · $2 the display time zone.
SELECT a.id,
       to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at,
       to_char(a.at AT TIME ZONE $2::text, 'YYYY-MM-DD HH24:MI:SS') AS at_local,
       a.actor_id, a.actor_name, a.action, a.target, a.detail::text AS detail, a.ip_address
FROM audit_log a
WHERE a.id = $1
