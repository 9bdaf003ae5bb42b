-- Every loaded position, ascending. A recursive "skip scan" over agg_position's primary
-- key: each step is one index probe for the next date, so the cost grows with the number
-- of positions (hundreds), not of rows (~2,000 per position), where DISTINCT would read
-- every row.
WITH RECURSIVE positions AS (
  (SELECT periode FROM agg_position ORDER BY periode LIMIT 1)
  UNION ALL
  SELECT (SELECT a.periode FROM agg_position a
          WHERE a.periode > p.periode ORDER BY a.periode LIMIT 1)
  FROM positions p
  WHERE p.periode IS NOT NULL
)
SELECT periode::text FROM positions WHERE periode IS NOT NULL ORDER BY periode
