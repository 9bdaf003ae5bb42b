-- One code's segment, locked until the transaction ends; no row when the map lacks it.
-- $1: code
SELECT segment
FROM segment_map
WHERE code = $1
FOR UPDATE
