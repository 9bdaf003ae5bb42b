-- One page of the upload history (/data/history/), newest first. Filters, each NULL for
-- none: $1 status; $2 uploader's user id; $3 true for the command line's uploads only
-- (uploaded_by NULL); $4/$5 first and last day uploaded (dates in time zone $6); $7 a piece
-- of the file name, any case, matched literally (strpos, so % and _ are plain characters).
-- $8 rows per page, $9 rows skipped.
-- upload_rows' columns (migration 0009, read by upload_repository::RowToUpload), then the
-- positions loaded as a JSON array, and the count of every matching upload.
WITH page AS (
  SELECT u.id, u.created_at, count(*) OVER () AS total
  FROM uploads u
  WHERE ($1::text IS NULL OR u.status = $1::text)
    AND ($2::bigint IS NULL OR u.uploaded_by = $2::bigint)
    AND (NOT $3::boolean OR u.uploaded_by IS NULL)
    AND ($4::date IS NULL OR u.created_at >= ($4::date::timestamp AT TIME ZONE $6::text))
    AND ($5::date IS NULL OR u.created_at < (($5::date + 1)::timestamp AT TIME ZONE $6::text))
    AND ($7::text IS NULL OR strpos(lower(u.file_name), lower($7::text)) > 0)
  ORDER BY u.created_at DESC, u.id DESC
  LIMIT $8::int OFFSET $9::bigint
)
SELECT r.*,
       coalesce((SELECT json_agg(json_build_object('periode', to_char(p.periode, 'YYYY-MM-DD'),
                                                   'rows_loaded', p.rows_loaded,
                                                   'rows_replaced', p.rows_replaced)
                                 ORDER BY p.periode)
                 FROM upload_periodes p
                 WHERE p.upload_id = r.id), '[]')::text AS periodes,
       page.total
FROM page
JOIN upload_rows r ON r.id = page.id
ORDER BY page.created_at DESC, page.id DESC
