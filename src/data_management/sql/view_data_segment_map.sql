-- The segment map: CODE → segment. A CODE it lacks counts as SMALL NCC (domain.md section 4).
SELECT code, segment FROM segment_map ORDER BY code
