-- How many rows the filters select, from the aggregates written with every load, delete
-- and segment map change (agg_position counts accounts per position × unit × segment ×
-- grade), so an exact total costs a few thousand aggregate rows instead of a scan of
-- loan_data. Each NULL parameter leaves its filter out.
SELECT coalesce(sum(accounts), 0)::bigint
FROM agg_position
WHERE ($1::date IS NULL OR periode = $1::date)
  AND ($2::text[] IS NULL OR kode_uker = ANY($2::text[]))
  AND ($3::text IS NULL OR kode_uker = $3::text)
  AND ($4::text IS NULL OR segment = $4::text)
  AND ($5::smallint IS NULL OR kol_adk = $5::smallint)
