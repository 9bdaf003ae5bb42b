-- The import begins: 'processing' (a job worker may have set it already, with started_at),
-- and who uploaded the file, for the audit entry.
-- $1: upload id
UPDATE uploads AS up
SET status = 'processing',
    started_at = CASE WHEN up.status = 'processing' AND up.started_at IS NOT NULL
                      THEN up.started_at ELSE now() END
WHERE up.id = $1
RETURNING up.uploaded_by, (SELECT u.username FROM users u WHERE u.id = up.uploaded_by)
