-- The targets (komitmen) of one month, for the dashboards' achievement columns (issue 6).
-- No row: no target. Values in rupiah, DEB in debtors (migrations/0008_komitmen.sql).
SELECT kode_uker, target_group, measure, value
FROM komitmen_targets
WHERE month = $1::date
