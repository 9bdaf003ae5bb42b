-- An upload from the command line. It is 'processing' from the start, never 'queued', so
-- the server's job workers leave it alone; ImportCommand keeps its heartbeat fresh.
INSERT INTO uploads (uploaded_by, file_name, stored_path, file_size, sha256, number_style,
                     notes, status, queued_at, started_at, heartbeat_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'processing', now(), now(), now())
RETURNING id
