-- Adds a code; no row returned when the code is already mapped.
-- $1: code, $2: segment
INSERT INTO segment_map (code, segment)
VALUES ($1, $2)
ON CONFLICT (code) DO NOTHING
RETURNING code
