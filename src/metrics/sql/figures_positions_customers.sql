-- Several positions' customer counts (NSB) at every level and group.
-- $1: positions (date[])
SELECT periode::text, level, level_key, group_code, customers
FROM agg_nsb
WHERE periode = ANY ($1::date[])
