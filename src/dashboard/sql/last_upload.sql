-- Home's "last upload and its status" (issue 4). Staged uploads (a preview nobody has sent
-- to processing yet) and withdrawn ones are not uploads of data, so they are left out.
-- Times are ISO-8601 UTC text, as the upload API gives them.
SELECT id, file_name, status,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       rows_accepted, rows_rejected
FROM uploads
WHERE status NOT IN ('staged', 'cancelled')
ORDER BY id DESC
LIMIT 1
