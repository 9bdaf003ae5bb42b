-- A job that failed in our code rather than in the file: the reason for the admin and the
-- detail for the log. Only while still 'processing', so an import's own verdict stands.
UPDATE uploads
SET status = 'failed',
    error_key = $2,
    error_args = $3::jsonb,
    error_log = $4,
    completed_at = now(),
    duration_seconds = extract(epoch FROM now() - coalesce(started_at, now())),
    heartbeat_at = NULL
WHERE id = $1 AND status = 'processing'
