-- Units as rows say (domain.md section 3): each unit's name and kanca at its latest
-- position, given per unit ($1..$4, see units_latest_rows.sql); an older position never
-- overwrites a newer one. Names are trimmed with spaces collapsed; kanca_key is also upper
-- case. Whether that moved a unit in the hierarchy is found by unit_places_update.sql.
-- $1: kode_uker (text[]), $2: uker (text[]), $3: kanca (text[]), $4: position (date[])
INSERT INTO units AS u (kode_uker, uker, kanca, kanca_key, last_periode)
SELECT kode_uker, btrim(regexp_replace(uker, '\s+', ' ', 'g')), kanca, upper(kanca), periode
FROM (SELECT kode_uker, uker, btrim(regexp_replace(kanca, '\s+', ' ', 'g')) AS kanca, periode
      FROM unnest($1::text[], $2::text[], $3::text[], $4::date[])
           AS t (kode_uker, uker, kanca, periode)) AS latest
ON CONFLICT (kode_uker) DO UPDATE
  SET uker = EXCLUDED.uker, kanca = EXCLUDED.kanca, kanca_key = EXCLUDED.kanca_key,
      last_periode = EXCLUDED.last_periode
  WHERE u.last_periode <= EXCLUDED.last_periode
