-- Jobs whose worker stopped beating (the server died mid-job) go back in the queue while
-- they have attempts left. The import is one transaction, so nothing of them was loaded.
-- SKIP LOCKED: a row locked by a live import's transaction is not stale. Only rows a
-- worker claimed have a heartbeat: `smedash import` runs its own uploads, unbeaten.
UPDATE uploads
SET status = 'queued',
    queued_at = now(),
    heartbeat_at = NULL,
    progress = '{}'::jsonb
WHERE id IN (
  SELECT id FROM uploads
  WHERE status = 'processing'
    AND heartbeat_at < now() - make_interval(secs => $1::double precision)
    AND attempts < $2::int
  FOR UPDATE SKIP LOCKED)
RETURNING id, attempts
