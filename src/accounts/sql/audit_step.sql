-- Audit entries matching the filters, one keyset step from a cursor. $9 false: newest
-- first, older than the cursor (one page of the audit log, or one chunk of its CSV
-- export). $9 true: oldest first, newer than the cursor (the page before the one shown,
-- reversed by the caller).
-- $1 actor id · $2 only entries without an actor · $3 action, or a category ("auth" matches
-- "auth.sign_in") · $4, $5 first and last local date · $6 the display time zone · $7 text
-- in actor name, target, detail or address · $8 the cursor · $9 the direction · $10 limit.
-- A null filter matches everything.
-- The direction's CASEs fold away when PostgreSQL plans with the bound values (each
-- statement here is planned for its values), leaving `a.id < $8 ORDER BY a.id DESC` or
-- `a.id > $8 ORDER BY a.id`: the keyset still walks the primary key or audit_log_actor_idx.
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
  AND ($8::bigint IS NULL
       OR CASE WHEN $9::boolean THEN a.id > $8::bigint ELSE a.id < $8::bigint END)
ORDER BY CASE WHEN $9::boolean THEN a.id END,
         CASE WHEN NOT $9::boolean THEN a.id END DESC
LIMIT $10::int
