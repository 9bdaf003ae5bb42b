-- Uploads as the API shows them: one by id ($1), or a list filtered by statuses ($2, a
-- text[]; NULL = all), newest first, at most $4. Staged uploads appear in lists only for
-- the admin who staged them ($3; NULL = everyone's): the others cannot see a preview they
-- never made. Times are ISO-8601 UTC text; arrays and JSON come as JSON text.
-- history_page.sql selects the same columns in the same order: change both together.
SELECT u.id, u.uploaded_by, coalesce(us.username, ''), u.file_name, u.stored_path,
       u.file_size, coalesce(u.sha256, ''), u.number_style, coalesce(u.notes, ''), u.status,
       u.rows_total, u.rows_accepted, u.rows_rejected, u.warnings, u.rows_replaced,
       coalesce(array_to_json(u.unknown_codes), '[]')::text,
       coalesce(array_to_json(u.unknown_headers), '[]')::text,
       u.reader, u.decided_number_style, u.error_key, coalesce(u.error_args, '{}')::text,
       u.error_log, coalesce(u.progress, '{}')::text, u.attempts,
       to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(u.queued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(u.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(u.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       u.duration_seconds::double precision
FROM uploads u
LEFT JOIN users us ON us.id = u.uploaded_by
WHERE ($1::bigint IS NULL OR u.id = $1::bigint)
  AND ($2::text[] IS NULL OR u.status = ANY ($2::text[]))
  AND ($3::bigint IS NULL OR u.status <> 'staged' OR u.uploaded_by = $3::bigint)
ORDER BY u.id DESC
LIMIT $4::int
