-- The first rejected rows of an upload, for the command line's summary.
-- $1: upload id, $2: how many
SELECT line, column_name, raw_value, reason_key, args::text
FROM upload_issues
WHERE upload_id = $1 AND rejects_row
ORDER BY seq
LIMIT $2
