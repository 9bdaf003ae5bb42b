-- Loaded positions with rows of any of the given CODEs. LIMIT keeps the probe a nested
-- loop: each position's partition is scanned on its own (pruned at run time) and only
-- until its first such row, instead of one scan of every row.
-- $1: codes (text[])
SELECT p.periode::text
FROM (SELECT DISTINCT periode FROM agg_position) AS p
CROSS JOIN LATERAL (SELECT 1 FROM loan_data l
                    WHERE l.periode = p.periode AND l.code = ANY ($1::text[])
                    LIMIT 1) AS found
ORDER BY 1
