-- The verdict of an import: 'completed', or 'failed' with why ($12-$14), and the counts
-- of the report either way.
UPDATE uploads
SET status = $2,
    rows_total = $3,
    rows_accepted = $4,
    rows_rejected = $5,
    warnings = $6,
    rows_replaced = $7,
    unknown_codes = $8::text[],
    unknown_headers = $9::text[],
    reader = $10,
    decided_number_style = $11,
    error_key = $12,
    error_args = $13::jsonb,
    error_log = $14,
    completed_at = now(),
    duration_seconds = $15::numeric,
    heartbeat_at = NULL
WHERE id = $1
