-- A failed upload goes back to the job workers' queue as if it had never run. Its earlier
-- report goes (the new run writes its own; issue numbers start again at 1), and its attempts
-- start again so the recovery sweep gives it its full count. The caller holds the row's lock
-- and checked 'failed'; the deletes check it again so they can never touch another upload.
WITH failed AS (
  SELECT id FROM uploads WHERE id = $1 AND status = 'failed'
), old_issues AS (
  DELETE FROM upload_issues WHERE upload_id IN (SELECT id FROM failed)
), old_periodes AS (
  DELETE FROM upload_periodes WHERE upload_id IN (SELECT id FROM failed)
)
UPDATE uploads
SET status = 'queued',
    queued_at = now(),
    started_at = NULL,
    completed_at = NULL,
    duration_seconds = NULL,
    heartbeat_at = NULL,
    attempts = 0,
    progress = '{}'::jsonb,
    rows_total = 0,
    rows_accepted = 0,
    rows_rejected = 0,
    warnings = 0,
    rows_replaced = 0,
    unknown_codes = '{}',
    unknown_headers = '{}',
    decided_number_style = NULL,
    error_key = NULL,
    error_args = NULL,
    error_log = NULL
WHERE id IN (SELECT id FROM failed)
