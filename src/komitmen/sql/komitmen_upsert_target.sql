-- Sets one target of a unit of month $1.
INSERT INTO komitmen_targets (month, kode_uker, target_group, measure, value)
VALUES ($1::date, $2, $3, $4, $5::numeric)
ON CONFLICT (month, kode_uker, target_group, measure) DO UPDATE SET value = excluded.value
