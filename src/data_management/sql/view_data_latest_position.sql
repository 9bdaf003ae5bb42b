-- The latest loaded position (one probe of agg_position's key), or NULL without data.
SELECT max(periode)::text FROM agg_position
