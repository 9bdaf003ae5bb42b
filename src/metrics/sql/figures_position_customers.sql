-- One position's customer counts (NSB) at every level and group.
-- $1: position (date)
SELECT level, level_key, group_code, customers
FROM agg_nsb
WHERE periode = $1::date
