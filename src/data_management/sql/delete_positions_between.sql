-- What deleting the positions from $1 to $2 (both included) removes, per position
-- ascending: rows and OS, and the totals (on every row). Read from agg_position, which
-- every change to loan_data rewrites in its own transaction, so the counts are exact
-- without reading the rows (the loader counts replaced rows the same way).
-- $1: first position (date; NULL: no lower bound), $2: last position (date; NULL: none)
SELECT periode::text AS position, sum(accounts), sum(os)::text,
       sum(sum(accounts)) OVER (), (sum(sum(os)) OVER ())::text
FROM agg_position
WHERE ($1::date IS NULL OR periode >= $1::date)
  AND ($2::date IS NULL OR periode <= $2::date)
GROUP BY periode
ORDER BY periode
