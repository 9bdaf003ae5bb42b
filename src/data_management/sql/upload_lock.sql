-- The upload's state, locked for a transition: two clicks on "process" queue it once.
SELECT status, stored_path, file_name, coalesce(error_key, ''),
       coalesce(error_args, '{}')::text, started_at IS NULL
FROM uploads
WHERE id = $1
FOR UPDATE
