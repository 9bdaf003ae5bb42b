-- Uploads as the API shows them (upload_rows, migration 0009): one by id ($1), or a list
-- filtered by statuses ($2, a text[]; NULL = all), newest first, at most $4. Staged uploads
-- appear in lists only for the admin who staged them ($3; NULL = everyone's): the others
-- cannot see a preview they never made.
SELECT r.*
FROM upload_rows r
WHERE ($1::bigint IS NULL OR r.id = $1::bigint)
  AND ($2::text[] IS NULL OR r.status = ANY ($2::text[]))
  AND ($3::bigint IS NULL OR r.status <> 'staged' OR r.uploaded_by = $3::bigint)
ORDER BY r.id DESC
LIMIT $4::int
