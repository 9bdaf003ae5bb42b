-- Uploads being loaded now (a job or `smedash import`): each holds the loader's lock for
-- as long as it runs, so a delete would wait for it.
SELECT id, file_name FROM uploads WHERE status = 'processing' ORDER BY id
