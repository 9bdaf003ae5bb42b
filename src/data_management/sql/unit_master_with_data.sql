-- Which of the given units have loaded rows.
-- $1: kode_uker (text[])
SELECT kode_uker
FROM units
WHERE kode_uker = ANY ($1::text[])
