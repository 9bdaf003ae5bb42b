-- The units of month $1 from parallel arrays: kode_uker, kode_kanca, kanca, uker, line.
INSERT INTO komitmen_units (month, kode_uker, kode_kanca, kanca, uker, line)
SELECT $1::date, u.kode_uker, u.kode_kanca, u.kanca, u.uker, u.line
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
  AS u (kode_uker, kode_kanca, kanca, uker, line)
