-- Every loaded position, newest first: a recursive "skip scan" over agg_position's key,
-- one index probe per position instead of reading every aggregate row.
WITH RECURSIVE positions AS (
  (SELECT periode FROM agg_position ORDER BY periode DESC LIMIT 1)
  UNION ALL
  SELECT (SELECT a.periode FROM agg_position a
          WHERE a.periode < p.periode ORDER BY a.periode DESC LIMIT 1)
  FROM positions p
  WHERE p.periode IS NOT NULL
)
SELECT periode::text FROM positions WHERE periode IS NOT NULL ORDER BY periode DESC
