-- Several positions' sums at the aggregate grain (unit × segment × grade × restructured),
-- os as text so it arrives exact. `= ANY` lets PostgreSQL read them with one bitmap scan
-- (each table page once) where a join per position probed the index row by row, or fell
-- back to a sequential scan of the whole table for a few dozen positions.
-- $1: positions (date[])
SELECT periode::text, kode_uker, segment, kol_adk, restructured, os::text
FROM agg_position
WHERE periode = ANY ($1::date[])
