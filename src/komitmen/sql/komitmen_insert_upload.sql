-- A new current upload of month $1; returns its id.
INSERT INTO komitmen_uploads (month, file_name, status, units, rejected, issues, uploaded_by,
                              uploaded_by_name)
VALUES ($1::date, $2, 'current', $3, $4, $5::jsonb, $6, $7)
RETURNING id
