-- NSB = distinct CIFNO among rows with os > 0 (domain.md section 5), exact at every level
-- (unit, kanca, all offices, all KCPs, total) and group, for the given positions. Each
-- customer is first reduced to one row per unit with the bit mask of its segments there,
-- then per kanca, per side (offices or KCPs) and in total; customers are counted per
-- level and mask, and only those few counts are spread over the groups their mask meets.
-- No DISTINCT aggregates and no row per customer and group: plain hash aggregation,
-- several times faster at this size. A unit's kanca and office status are
-- unit_hierarchy's (master entry, else its latest rows); every loaded unit is there (loads
-- upsert units first).
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
), hierarchy AS MATERIALIZED (
  SELECT kode_uker, kanca_key, is_office FROM unit_hierarchy
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
  SELECT p.periode, p.cif_no, h.kanca_key, bit_or(p.mask) AS mask
  FROM per_unit p JOIN hierarchy h ON h.kode_uker = p.kode_uker
  GROUP BY p.periode, p.cif_no, h.kanca_key
), per_side AS (
  SELECT p.periode, p.cif_no, h.is_office, bit_or(p.mask) AS mask
  FROM per_unit p JOIN hierarchy h ON h.kode_uker = p.kode_uker
  GROUP BY p.periode, p.cif_no, h.is_office
), per_total AS (
  SELECT periode, cif_no, bit_or(mask) AS mask
  FROM per_unit
  GROUP BY periode, cif_no
), mask_counts AS (
  SELECT periode, 'unit' AS level, kode_uker AS level_key, mask, count(*) AS customers
  FROM per_unit GROUP BY periode, kode_uker, mask
  UNION ALL
  SELECT periode, 'kanca', kanca_key, mask, count(*)
  FROM per_kanca GROUP BY periode, kanca_key, mask
  UNION ALL
  SELECT periode, CASE WHEN is_office THEN 'offices' ELSE 'kcps' END, '', mask, count(*)
  FROM per_side GROUP BY periode, is_office, mask
  UNION ALL
  SELECT periode, 'total', '', mask, count(*)
  FROM per_total GROUP BY periode, mask
)
INSERT INTO agg_nsb (periode, level, level_key, group_code, customers)
SELECT c.periode, c.level, c.level_key, g.group_code, sum(c.customers)::bigint
FROM mask_counts c JOIN group_masks g ON c.mask & g.mask <> 0
GROUP BY c.periode, c.level, c.level_key, g.group_code
