-- Each position upload $1 loaded, ascending: whether it still holds the upload's rows
-- (else a later upload of the date replaced them, or a delete removed them), and if so its
-- rows and OS, with the totals on every row. A load replaces whole positions (it empties
-- a date's partition before copying), so a position holds only the upload's rows or none:
-- one row is enough, and the amounts are the position's, from agg_position. The LATERAL
-- probe runs once per loaded position and reads only that position's partition (pruned at
-- run time); as a semi-join it could run once per aggregate row, reading a whole partition
-- each time for a replaced position.
-- $1: upload id
WITH loaded AS (
  SELECT p.periode, probe.found IS NOT NULL AS held
  FROM upload_periodes p
  LEFT JOIN LATERAL (SELECT true AS found FROM loan_data l
                     WHERE l.periode = p.periode AND l.upload_id = $1
                     LIMIT 1) AS probe ON true
  WHERE p.upload_id = $1
)
SELECT l.periode::text AS position, l.held, coalesce(sum(a.accounts), 0),
       coalesce(sum(a.os), 0)::numeric(20, 2)::text,
       sum(coalesce(sum(a.accounts), 0)) OVER (),
       sum(coalesce(sum(a.os), 0)) OVER ()::numeric(20, 2)::text
FROM loaded l
LEFT JOIN agg_position a ON l.held AND a.periode = l.periode
GROUP BY l.periode, l.held
ORDER BY l.periode
