-- Removes a code from the map (it then counts as SMALL NCC).
-- $1: code
DELETE FROM segment_map
WHERE code = $1
