-- Only an upload that never ran (staged, or refused at its preview) can be withdrawn.
UPDATE uploads
SET status = 'cancelled', completed_at = coalesce(completed_at, now())
WHERE id = $1 AND (status = 'staged' OR (status = 'failed' AND started_at IS NULL))
