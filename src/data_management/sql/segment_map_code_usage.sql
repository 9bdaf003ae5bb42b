-- How many rows (accounts) and how much OS each CODE has at one position. Reads loan_data,
-- but only the position's partition (pruned on the bound date): an admin page, not a
-- dashboard, and the aggregates do not keep the CODE.
-- $1: the position (date)
SELECT code, count(*), sum(os)::text
FROM loan_data
WHERE periode = $1::date
GROUP BY code
ORDER BY code
