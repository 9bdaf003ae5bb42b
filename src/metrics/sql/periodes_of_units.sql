-- Positions at which any of the given units has rows (from the aggregates, not loan_data).
-- $1: kode_uker (text[])
SELECT DISTINCT periode::text
FROM agg_position
WHERE kode_uker = ANY ($1::text[])
ORDER BY 1
