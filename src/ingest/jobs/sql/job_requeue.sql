-- A job this process gave up on without a verdict (the server stopping mid-import)
-- goes back in the queue. A shutdown does not count as an attempt ($2 = true).
UPDATE uploads
SET status = 'queued',
    queued_at = now(),
    heartbeat_at = NULL,
    progress = '{}'::jsonb,
    attempts = CASE WHEN $2::boolean THEN greatest(attempts - 1, 0) ELSE attempts END
WHERE id = $1 AND status = 'processing'
