-- Every CODE in the segment map with its segment, codes in text order.
SELECT code, segment
FROM segment_map
ORDER BY code
