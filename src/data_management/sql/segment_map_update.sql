-- Moves a mapped code to another segment.
-- $1: code, $2: segment
UPDATE segment_map
SET segment = $2
WHERE code = $1
