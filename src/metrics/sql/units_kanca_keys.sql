-- $1: kode_uker (text[])
SELECT kode_uker, kanca_key FROM units WHERE kode_uker = ANY ($1::text[])
