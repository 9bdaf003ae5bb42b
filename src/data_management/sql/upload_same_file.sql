-- The latest earlier completed upload of the same bytes: loading it again would only
-- replace its positions with themselves, which the admin should know before processing.
SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), file_name
FROM uploads
WHERE sha256 = $1 AND status = 'completed' AND id <> $2
ORDER BY id DESC
LIMIT 1
