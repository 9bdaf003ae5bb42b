-- The unknown CODEs completed uploads reported that the map still lacks: codes seen in
-- data at earlier positions, which still count as SMALL NCC there.
SELECT DISTINCT c
FROM uploads u, unnest(u.unknown_codes) AS c
WHERE u.status = 'completed'
  AND NOT EXISTS (SELECT 1 FROM segment_map m WHERE m.code = c)
ORDER BY c
