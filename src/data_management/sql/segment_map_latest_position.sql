-- The latest loaded position ("yyyy-mm-dd"), or NULL with no data (from the aggregates).
SELECT max(periode)::text
FROM agg_position
