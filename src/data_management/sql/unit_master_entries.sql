-- The master entries of the given units, locked until the transaction ends.
-- $1: kode_uker (text[])
SELECT kode_uker, uker, kode_kanca, kanca, source
FROM unit_master
WHERE kode_uker = ANY ($1::text[])
ORDER BY kode_uker
FOR UPDATE
