-- Each unit's effective kanca and whether it is its kanca's own office, as the dashboards
-- group it (unit_hierarchy: a master entry wins over what rows say).
-- $1: kode_uker (text[])
SELECT kode_uker, kanca_key, is_office FROM unit_hierarchy WHERE kode_uker = ANY ($1::text[])
