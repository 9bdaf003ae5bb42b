INSERT INTO upload_periodes (upload_id, periode, rows_loaded, rows_replaced)
VALUES ($1, $2::date, $3, $4)
