-- The CODEs among $1 that segment_map does not list (they count as SMALL NCC).
-- $1: codes (text[])
SELECT DISTINCT c
FROM unnest($1::text[]) AS c
WHERE NOT EXISTS (SELECT 1 FROM segment_map m WHERE m.code = c)
ORDER BY c
