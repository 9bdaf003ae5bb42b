-- One position's sums at the aggregate grain (unit × segment × grade × restructured); os
-- as text so it arrives exact.
-- $1: position (date)
SELECT kode_uker, segment, kol_adk, restructured, os::text
FROM agg_position
WHERE periode = $1::date
