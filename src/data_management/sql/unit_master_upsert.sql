-- Writes master entries (one per unit, replacing any earlier one), by whom and how.
-- $1: kode_uker (text[]), $2: uker (text[]), $3: kode_kanca (text[]), $4: kanca (text[]),
-- $5: source ('import' or 'edit'), $6: the admin's user id
INSERT INTO unit_master AS m (kode_uker, uker, kode_kanca, kanca, source, updated_by, updated_at)
SELECT kode_uker, uker, kode_kanca, kanca, $5, $6::bigint, now()
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t (kode_uker, uker, kode_kanca, kanca)
ON CONFLICT (kode_uker) DO UPDATE
  SET uker = EXCLUDED.uker, kode_kanca = EXCLUDED.kode_kanca, kanca = EXCLUDED.kanca,
      source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
