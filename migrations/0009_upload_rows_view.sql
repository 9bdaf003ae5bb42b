-- An upload as the API shows it, one row an upload: the columns every query that hands
-- uploads to the C++ side selects (uploads_select.sql, history_page.sql), named here once
-- so the two cannot drift apart. upload_repository reads them by these names. Times are
-- ISO-8601 UTC text; arrays and JSON come as JSON text; duration_seconds as numeric text,
-- exact like every other decimal the API sends. id, uploaded_by and status keep their
-- table values, so queries filter on the view itself.
CREATE VIEW upload_rows AS
SELECT u.id, u.uploaded_by, coalesce(us.username, '') AS uploaded_by_name, u.file_name,
       u.stored_path, u.file_size, coalesce(u.sha256, '') AS sha256, u.number_style,
       coalesce(u.notes, '') AS notes, u.status, u.rows_total, u.rows_accepted,
       u.rows_rejected, u.warnings, u.rows_replaced,
       coalesce(array_to_json(u.unknown_codes), '[]')::text AS unknown_codes,
       coalesce(array_to_json(u.unknown_headers), '[]')::text AS unknown_headers,
       u.reader, u.decided_number_style, u.error_key,
       coalesce(u.error_args, '{}')::text AS error_args, u.error_log,
       coalesce(u.progress, '{}')::text AS progress, u.attempts,
       to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
       to_char(u.queued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS queued_at,
       to_char(u.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started_at,
       to_char(u.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS completed_at,
       u.duration_seconds::text AS duration_seconds
FROM uploads u
LEFT JOIN users us ON us.id = u.uploaded_by;
