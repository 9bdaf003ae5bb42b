-- Ends upload $1 as 'replaced' or 'deleted' ($2).
UPDATE komitmen_uploads SET status = $2, ended_at = now() WHERE id = $1
