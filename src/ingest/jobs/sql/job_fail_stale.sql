-- Dead jobs (as in job_requeue_stale.sql) that used up their attempts are failed with the
-- reason; $3 is the message with an {attempts} placeholder, kept in error_log for readers
-- without translations. $4, $5: the lock class and the sweeping process's own jobs.
UPDATE uploads
SET status = 'failed',
    error_key = 'ingest.file.interrupted',
    error_args = jsonb_build_object('attempts', attempts::text),
    error_log = replace($3::text, '{attempts}', attempts::text),
    completed_at = now(),
    duration_seconds = extract(epoch FROM now() - coalesce(started_at, now())),
    heartbeat_at = NULL
WHERE id IN (
  SELECT id FROM uploads
  WHERE status = 'processing'
    AND heartbeat_at IS NOT NULL
    AND (heartbeat_at < now() - make_interval(secs => $1::double precision)
         OR pg_try_advisory_xact_lock($4::int4, (id % 2147483648)::int4))
    AND id <> ALL($5::bigint[])
    AND attempts >= $2::int
  FOR UPDATE SKIP LOCKED)
RETURNING id, attempts
