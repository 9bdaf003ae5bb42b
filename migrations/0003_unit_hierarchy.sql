-- The unit hierarchy admins correct (domain.md section 3) and the NSB levels the "Only"
-- tables need (issue 4).

-- A master entry per unit, from the units page or an imported master list
-- (KODE UKER, UKER, KODE KANCA, KANCA). It wins over what rows say. The unit is its kanca's
-- own office when kode_uker = kode_kanca, otherwise a KCP of that kanca.
CREATE TABLE unit_master (
  kode_uker  text PRIMARY KEY,
  uker       text NOT NULL,
  kode_kanca text NOT NULL,
  kanca      text NOT NULL,
  source     text NOT NULL CHECK (source IN ('import', 'edit')),
  updated_by bigint REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every unit with data, as the dashboards group it: its kanca (master entry, else rows),
-- whether it is its kanca's own office, and the kanca's code. Rows say a unit is the office
-- when its UKER name equals its KANCA name. A kanca has at most one office: when several
-- units qualify, one a master entry names before those only rows name (a master entry
-- wins), then the lowest code (numerically); the rest count as KCPs, so KANCA ONLY +
-- Σ KCP ONLY = KONSOL always holds. kode_kanca is the office's code, else
-- a master entry's KODE KANCA, else NULL (the kanca is listed by name).
CREATE VIEW unit_hierarchy AS
WITH effective AS (
  SELECT u.kode_uker,
         coalesce(m.uker, u.uker) AS uker,
         coalesce(btrim(regexp_replace(m.kanca, '\s+', ' ', 'g')), u.kanca) AS kanca,
         CASE WHEN m.kode_uker IS NULL THEN u.kanca_key
              ELSE upper(btrim(regexp_replace(m.kanca, '\s+', ' ', 'g'))) END AS kanca_key,
         CASE WHEN m.kode_uker IS NOT NULL THEN m.kode_uker = m.kode_kanca
              ELSE upper(btrim(regexp_replace(coalesce(u.uker, ''), '\s+', ' ', 'g')))
                   = u.kanca_key END AS office_candidate,
         m.kode_kanca AS master_kode_kanca,
         m.kode_uker IS NOT NULL AS from_master
  FROM units u
  LEFT JOIN unit_master m USING (kode_uker)
), ranked AS (
  SELECT e.*,
         office_candidate AND row_number() OVER (
           PARTITION BY kanca_key
           ORDER BY office_candidate DESC, from_master DESC, length(kode_uker), kode_uker)
           = 1 AS is_office
  FROM effective e
)
SELECT kode_uker, uker, kanca, kanca_key, is_office,
       coalesce(max(kode_uker) FILTER (WHERE is_office) OVER w,
                max(master_kode_kanca) OVER w) AS kode_kanca,
       from_master
FROM ranked
WINDOW w AS (PARTITION BY kanca_key);

-- NSB of all kanca offices together ('offices') and of all KCPs together ('kcps'): the
-- total rows of the KANCA ONLY and KCP ONLY tables and the RO row of the Only tab. A
-- customer with loans in two offices counts once, so these are their own distinct counts.
ALTER TABLE agg_nsb DROP CONSTRAINT agg_nsb_level_check;
ALTER TABLE agg_nsb ADD CONSTRAINT agg_nsb_level_check
  CHECK (level IN ('unit', 'kanca', 'total', 'offices', 'kcps'));

-- Where agg_nsb counted each unit: its kanca and whether it was the office, as
-- unit_hierarchy said when the unit's positions were last counted. A load or an admin's
-- edit that moves a unit (another kanca, office to KCP or back) shows up as a difference
-- from unit_hierarchy, and the unit's other positions are recounted (metrics'
-- unit_places_update.sql). It remembers the old place, which a master entry that was
-- changed or removed no longer tells.
CREATE TABLE agg_unit_place (
  kode_uker text PRIMARY KEY,
  kanca_key text NOT NULL,
  is_office boolean NOT NULL
);
-- unit_master is empty yet, so unit_hierarchy's kanca is units.kanca_key, the one agg_nsb
-- was counted by.
INSERT INTO agg_unit_place (kode_uker, kanca_key, is_office)
SELECT kode_uker, kanca_key, is_office FROM unit_hierarchy;

-- The 'offices' and 'kcps' counts of positions loaded before this migration, as
-- metrics' agg_nsb_insert.sql computes them (nothing to do on an empty database).
SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true);
WITH segment_bits AS (
  SELECT segment, (1 << (row_number() OVER (ORDER BY segment) - 1)::int) AS bit
  FROM (SELECT unnest(segments) AS segment FROM segment_groups
        UNION SELECT 'SMALL NCC') AS segments
), group_masks AS (
  SELECT g.group_code, bit_or(b.bit) AS mask
  FROM segment_groups g
  CROSS JOIN LATERAL unnest(g.segments) AS s (segment)
  JOIN segment_bits b ON b.segment = s.segment
  GROUP BY g.group_code
), per_side AS (
  SELECT l.periode, l.cif_no, h.is_office,
         bit_or(CASE WHEN m.segment IS NULL
                     THEN (SELECT bit FROM segment_bits WHERE segment = 'SMALL NCC')
                     ELSE coalesce(b.bit, 0) END) AS mask
  FROM loan_data l
  JOIN unit_hierarchy h ON h.kode_uker = l.kode_uker
  LEFT JOIN segment_map m ON m.code = l.code
  LEFT JOIN segment_bits b ON b.segment = m.segment
  WHERE l.os > 0
  GROUP BY l.periode, l.cif_no, h.is_office
)
INSERT INTO agg_nsb (periode, level, level_key, group_code, customers)
SELECT p.periode, CASE WHEN p.is_office THEN 'offices' ELSE 'kcps' END, '', g.group_code,
       count(*)
FROM per_side p JOIN group_masks g ON p.mask & g.mask <> 0
GROUP BY p.periode, p.is_office, g.group_code;
