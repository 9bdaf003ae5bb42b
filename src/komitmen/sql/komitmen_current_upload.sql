-- The current upload of month $1, if any (same columns as komitmen_uploads.sql).
SELECT id, month::text, file_name, status, units, rejected, edits, uploaded_by_name,
       to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(ended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       issues::text
FROM komitmen_uploads
WHERE month = $1::date AND status = 'current'
