-- The running job is alive; $2 is its latest progress (NULL keeps the stored one). Only
-- while it is still 'processing': a recovered or finished upload is never written back.
UPDATE uploads
SET heartbeat_at = now(),
    progress = coalesce($2::jsonb, progress)
WHERE id = $1 AND status = 'processing'
