-- The upload history, newest first, every status. Times are ISO-8601 UTC text.
SELECT id, month::text, file_name, status, units, rejected, edits, uploaded_by_name,
       to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(ended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       issues::text
FROM komitmen_uploads
ORDER BY uploaded_at DESC, id DESC
