-- Rows loan_data holds for a position, from the aggregates (kept in the same transaction
-- as every change to loan_data, so exact) instead of counting the rows themselves.
-- $1: position (date)
SELECT coalesce(sum(accounts), 0) FROM agg_position WHERE periode = $1::date
