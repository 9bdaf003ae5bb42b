-- Issues after seq $3, for exports read in chunks without holding them all in memory.
SELECT seq, line, coalesce(column_name, ''), coalesce(raw_value, ''), reason_key,
       coalesce(args, '{}')::text, rejects_row
FROM upload_issues
WHERE upload_id = $1 AND ($2 = 'all' OR rejects_row = ($2 = 'rejected')) AND seq > $3
ORDER BY seq
LIMIT $4::int
