-- Units without rows at any position: out of units (so out of unit_hierarchy and every
-- dashboard table) and of agg_unit_place. Their master entries stay: an admin's data,
-- used again should the unit's rows come back.
-- $1: kode_uker (text[])
WITH places AS (
  DELETE FROM agg_unit_place WHERE kode_uker = ANY ($1::text[])
)
DELETE FROM units WHERE kode_uker = ANY ($1::text[])
