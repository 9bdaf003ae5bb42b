-- $1: positions (date[])
DELETE FROM agg_position WHERE periode = ANY ($1::date[])
