-- Takes the oldest queued upload for this worker. SKIP LOCKED lets several workers (and
-- several server instances) claim at once without waiting on, or taking, the same row.
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
RETURNING id, stored_path, file_name, number_style, attempts
