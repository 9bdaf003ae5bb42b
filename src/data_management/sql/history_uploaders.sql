-- Everyone who has uploaded, for the history's uploader filter: users by name, and one row
-- with a NULL id when `smedash import` has loaded files.
SELECT DISTINCT u.uploaded_by, coalesce(us.username, '')
FROM uploads u
LEFT JOIN users us ON us.id = u.uploaded_by
ORDER BY 2, 1
