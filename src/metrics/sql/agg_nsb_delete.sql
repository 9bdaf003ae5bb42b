-- $1: positions (date[])
DELETE FROM agg_nsb WHERE periode = ANY ($1::date[])
