-- agg_nsb rows computed by a load from its own rows (PositionAggregator).
-- $1..$5: periode, level, level_key, group_code, customers (arrays)
INSERT INTO agg_nsb (periode, level, level_key, group_code, customers)
SELECT *
FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::bigint[])
