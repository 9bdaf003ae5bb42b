-- Audit entries matching the filters, oldest first, newer than a cursor: the page before
-- the one shown (reversed by the caller). Keep the filters equal to audit_older.sql's.
-- $1 actor id · $2 only entries without an actor · $3 action, or a category ("auth" matches
-- "auth.sign_in") · $4, $5 first and last local date · $6 the display time zone · $7 text
-- in actor name, target, detail or address · $8 entries with a larger id only · $9 limit.
-- A null filter matches everything.
SELECT a.id,
       to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at,
       to_char(a.at AT TIME ZONE $6::text, 'YYYY-MM-DD HH24:MI:SS') AS at_local,
       a.actor_id, a.actor_name, a.action, a.target, a.detail::text AS detail, a.ip_address
FROM audit_log a
WHERE ($1::bigint IS NULL OR a.actor_id = $1::bigint)
  AND (NOT $2::boolean OR a.actor_id IS NULL)
  AND ($3::text IS NULL OR a.action = $3::text OR starts_with(a.action, $3::text || '.'))
  AND ($4::date IS NULL OR a.at >= $4::date::timestamp AT TIME ZONE $6::text)
  AND ($5::date IS NULL OR a.at < ($5::date + 1)::timestamp AT TIME ZONE $6::text)
  AND ($7::text IS NULL
       OR strpos(lower(a.actor_name), lower($7::text)) > 0
       OR strpos(lower(a.target), lower($7::text)) > 0
       OR strpos(lower(a.detail::text), lower($7::text)) > 0
       OR strpos(lower(a.ip_address), lower($7::text)) > 0)
  AND ($8::bigint IS NULL OR a.id > $8::bigint)
ORDER BY a.id
LIMIT $9::int
