-- One page of an upload's issues in file order; at most max_issues_stored rows exist per
-- upload, so OFFSET stays cheap. $2 as in upload_issues_count.sql.
SELECT seq, line, coalesce(column_name, ''), coalesce(raw_value, ''), reason_key,
       coalesce(args, '{}')::text, rejects_row
FROM upload_issues
WHERE upload_id = $1 AND ($2 = 'all' OR rejects_row = ($2 = 'rejected'))
ORDER BY seq
LIMIT $3::int OFFSET $4::bigint
