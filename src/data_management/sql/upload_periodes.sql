SELECT to_char(periode, 'YYYY-MM-DD'), rows_loaded, rows_replaced
FROM upload_periodes
WHERE upload_id = $1
ORDER BY periode
