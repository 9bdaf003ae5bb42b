UPDATE uploads SET status = 'queued', queued_at = now() WHERE id = $1 AND status = 'staged'
