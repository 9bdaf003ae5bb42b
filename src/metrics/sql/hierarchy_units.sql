-- Every unit with data as the dashboards group it (the unit_hierarchy view), with its
-- kanca's display name: the office's KANCA text when the kanca has an office, else the
-- smallest KANCA text (byte order, whatever the database's collation) among its units.
SELECT kode_uker,
       coalesce(uker, '') AS uker,
       kanca_key,
       coalesce(is_office, false) AS is_office,
       kode_kanca,
       coalesce(min(kanca COLLATE "C") FILTER (WHERE is_office) OVER w,
                min(kanca COLLATE "C") OVER w) AS kanca_name
FROM unit_hierarchy
WINDOW w AS (PARTITION BY kanca_key)
ORDER BY kanca_key, kode_uker
