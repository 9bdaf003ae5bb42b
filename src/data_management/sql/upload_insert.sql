-- A new upload, 'staged' (waiting for the admin's "process") or already 'failed' when its
-- preview found it cannot be processed. stored_path is set once the id names the file.
-- Returns the id and the yyyy/mm/dd folder (UTC) the file goes in.
INSERT INTO uploads (uploaded_by, file_name, stored_path, file_size, sha256, number_style,
                     notes, status, error_key, error_args, error_log, reader, completed_at,
                     duration_seconds)
VALUES ($1, $2, '', $3, $4, $5, $6, $7, nullif($8, ''), $9::jsonb, nullif($10, ''), $11,
        CASE WHEN $7 = 'failed' THEN now() END,
        CASE WHEN $7 = 'failed' THEN 0 END)
RETURNING id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY/MM/DD')
