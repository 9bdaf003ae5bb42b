-- Removes a unit's master entry: the unit is again what its rows say.
-- $1: kode_uker
DELETE FROM unit_master
WHERE kode_uker = $1
