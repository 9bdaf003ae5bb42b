-- The import returned without recording its verdict: record the report's, so an upload
-- never stays 'processing' after its job ended. A verdict already recorded stands.
UPDATE uploads
SET status = $2,
    rows_total = $3,
    rows_accepted = $4,
    rows_rejected = $5,
    warnings = $6,
    error_key = nullif($7, ''),
    error_log = nullif($8, ''),
    reader = $9,
    completed_at = now(),
    duration_seconds = $10,
    heartbeat_at = NULL
WHERE id = $1 AND status = 'processing'
