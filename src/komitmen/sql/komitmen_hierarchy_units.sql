-- Every unit the hierarchy knows, for the empty template: by kanca code (numerically when
-- all digits), the kanca's office first, then by unit code.
SELECT coalesce(kode_kanca, ''), kode_uker, kanca, coalesce(uker, '')
FROM unit_hierarchy
ORDER BY kode_kanca IS NULL, kode_kanca !~ '^[0-9]+$',
         CASE WHEN kode_kanca ~ '^[0-9]+$' THEN length(kode_kanca) END, kode_kanca, kanca_key,
         NOT is_office, kode_uker !~ '^[0-9]+$',
         CASE WHEN kode_uker ~ '^[0-9]+$' THEN length(kode_uker) END, kode_uker
