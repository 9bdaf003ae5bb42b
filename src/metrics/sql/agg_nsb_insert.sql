-- NSB = distinct CIFNO among rows with os > 0 (domain.md section 5), exact at every level
-- (unit, kanca, total) and group, for the given positions. Each customer is first reduced
-- to one row per unit with the bit mask of its segments there; then a customer counts in
-- a group wherever its mask meets the group's. No DISTINCT aggregates: plain hash
-- aggregation, several times faster at this size. A unit's kanca is the one in units (its
-- latest position); every loaded unit has a units row (loads upsert it first).
-- $1: positions (date[])
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
), per_unit AS MATERIALIZED (
  SELECT l.periode, l.cif_no, l.kode_uker,
         bit_or(CASE WHEN m.segment IS NULL
                     THEN (SELECT bit FROM segment_bits WHERE segment = 'SMALL NCC')
                     ELSE coalesce(b.bit, 0) END) AS mask
  FROM loan_data l
  LEFT JOIN segment_map m ON m.code = l.code
  LEFT JOIN segment_bits b ON b.segment = m.segment
  WHERE l.periode = ANY ($1::date[]) AND l.os > 0
  GROUP BY l.periode, l.cif_no, l.kode_uker
), per_kanca AS (
  SELECT p.periode, p.cif_no, u.kanca_key, bit_or(p.mask) AS mask
  FROM per_unit p
  JOIN units u ON u.kode_uker = p.kode_uker
  GROUP BY p.periode, p.cif_no, u.kanca_key
), per_total AS (
  SELECT periode, cif_no, bit_or(mask) AS mask
  FROM per_unit
  GROUP BY periode, cif_no
)
INSERT INTO agg_nsb (periode, level, level_key, group_code, customers)
SELECT p.periode, 'unit', p.kode_uker, g.group_code, count(*)
FROM per_unit p JOIN group_masks g ON p.mask & g.mask <> 0
GROUP BY p.periode, p.kode_uker, g.group_code
UNION ALL
SELECT p.periode, 'kanca', p.kanca_key, g.group_code, count(*)
FROM per_kanca p JOIN group_masks g ON p.mask & g.mask <> 0
GROUP BY p.periode, p.kanca_key, g.group_code
UNION ALL
SELECT p.periode, 'total', '', g.group_code, count(*)
FROM per_total p JOIN group_masks g ON p.mask & g.mask <> 0
GROUP BY p.periode, g.group_code
