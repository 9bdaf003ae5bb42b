-- The upload an "upload" delete is about. Times are ISO-8601 UTC text.
-- $1: upload id
SELECT u.id, u.file_name, u.status, coalesce(us.username, ''),
       to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       coalesce(u.sha256, ''), u.stored_path, u.rows_accepted
FROM uploads u
LEFT JOIN users us ON us.id = u.uploaded_by
WHERE u.id = $1
