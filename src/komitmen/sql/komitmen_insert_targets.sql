-- The targets of month $1 from parallel arrays: kode_uker, target_group, measure, value.
INSERT INTO komitmen_targets (month, kode_uker, target_group, measure, value)
SELECT $1::date, t.kode_uker, t.target_group, t.measure, t.value
FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[])
  AS t (kode_uker, target_group, measure, value)
