-- Units whose latest rows were deleted take the names and kanca of their latest remaining
-- position, given per unit ($1..$4, see units_latest_rows.sql) and normalised as
-- units_upsert.sql does; unlike there, the position moves back.
-- $1: kode_uker (text[]), $2: uker (text[]), $3: kanca (text[]), $4: position (date[])
UPDATE units AS u
SET uker = btrim(regexp_replace(t.uker, '\s+', ' ', 'g')),
    kanca = btrim(regexp_replace(t.kanca, '\s+', ' ', 'g')),
    kanca_key = upper(btrim(regexp_replace(t.kanca, '\s+', ' ', 'g'))),
    last_periode = t.periode
FROM unnest($1::text[], $2::text[], $3::text[], $4::date[]) AS t (kode_uker, uker, kanca, periode)
WHERE u.kode_uker = t.kode_uker
