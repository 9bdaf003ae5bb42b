-- Jobs whose worker is gone go back in the queue while they have attempts left: its
-- session no longer holds the job's advisory lock (job_claim.sql; the server was killed
-- or lost its connection), or it stopped beating for $1 seconds (hung). The import is
-- one transaction, so nothing of them was loaded. $3: the lock class; $4: the jobs the
-- sweeping process runs itself, left to their worker (which outlives a PostgreSQL
-- restart that took their lock, and records the verdict).
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
    AND heartbeat_at IS NOT NULL
    AND (heartbeat_at < now() - make_interval(secs => $1::double precision)
         OR pg_try_advisory_xact_lock($3::int4, (id % 2147483648)::int4))
    AND id <> ALL($4::bigint[])
    AND attempts < $2::int
  FOR UPDATE SKIP LOCKED)
RETURNING id, attempts
