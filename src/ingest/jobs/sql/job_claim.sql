-- Takes the oldest queued upload for this worker. SKIP LOCKED lets several workers (and
-- several server instances) claim at once without waiting on, or taking, the same row.
-- The worker's session also takes the job's advisory lock ($1: the lock class, see
-- job_queue.cpp) before the claim commits, and holds it while the job runs: PostgreSQL
-- drops it when the worker's connection ends, so a killed server's job is known dead at
-- once instead of after its heartbeat goes stale. The second key is an int4: ids past 2^31
-- wrap, and a shared key can only make a dead job look alive until its heartbeat is stale.
UPDATE uploads
SET status = 'processing',
    attempts = attempts + 1,
    started_at = now(),
    heartbeat_at = now(),
    progress = '{}'::jsonb
WHERE id = (
  SELECT id FROM uploads
  WHERE status = 'queued'
  ORDER BY id
  FOR UPDATE SKIP LOCKED
  LIMIT 1)
RETURNING id, stored_path, file_name, number_style, attempts,
  pg_advisory_lock($1::int4, (id % 2147483648)::int4)
