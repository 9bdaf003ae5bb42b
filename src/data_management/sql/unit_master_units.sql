-- Every unit as the units page lists it: the units with data as the dashboards group them
-- (unit_hierarchy), with what their rows say and their master entry, then the master
-- entries of units without data yet. Kanca by code (all-digit codes by number, others by
-- text, none last), then name; in each kanca the office first, then units by code. Times
-- are ISO-8601 UTC text.
WITH listed AS (
  SELECT h.kode_uker, coalesce(h.uker, '') AS uker, h.kanca, h.kanca_key, h.kode_kanca,
         h.is_office, u.last_periode::text AS last_periode, u.uker AS rows_uker,
         u.kanca AS rows_kanca
  FROM unit_hierarchy h
  JOIN units u USING (kode_uker)
  UNION ALL
  SELECT m.kode_uker, m.uker, btrim(regexp_replace(m.kanca, '\s+', ' ', 'g')),
         upper(btrim(regexp_replace(m.kanca, '\s+', ' ', 'g'))), m.kode_kanca,
         m.kode_uker = m.kode_kanca, NULL, NULL, NULL
  FROM unit_master m
  WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.kode_uker = m.kode_uker)
)
SELECT l.kode_uker, l.uker, l.kanca, l.kanca_key, l.kode_kanca, l.is_office, l.last_periode,
       l.rows_uker, l.rows_kanca,
       m.uker, m.kode_kanca, m.kanca, m.source,
       to_char(m.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       coalesce(us.username, '')
FROM listed l
LEFT JOIN unit_master m USING (kode_uker)
LEFT JOIN users us ON us.id = m.updated_by
ORDER BY l.kode_kanca IS NULL, l.kode_kanca !~ '^[0-9]+$',
         CASE WHEN l.kode_kanca ~ '^[0-9]+$' THEN length(l.kode_kanca) END, l.kode_kanca,
         l.kanca_key, NOT l.is_office, l.kode_uker !~ '^[0-9]+$',
         CASE WHEN l.kode_uker ~ '^[0-9]+$' THEN length(l.kode_uker) END, l.kode_uker
