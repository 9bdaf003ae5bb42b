-- $2: 'all', 'rejected' (rows not loaded) or 'warning' (loaded, with a remark).
SELECT count(*)
FROM upload_issues
WHERE upload_id = $1 AND ($2 = 'all' OR rejects_row = ($2 = 'rejected'))
