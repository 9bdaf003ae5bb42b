UPDATE uploads SET stored_path = $2 WHERE id = $1
