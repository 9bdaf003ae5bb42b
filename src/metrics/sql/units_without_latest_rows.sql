-- Units whose latest position is among the given ones but that have no rows there any more
-- (the position was deleted), each with its latest position that still has rows, NULL when
-- none has. Read from agg_position, which is current for the given positions when this
-- runs, instead of scanning loan_data.
-- $1: positions (date[])
SELECT u.kode_uker,
       (SELECT max(a.periode) FROM agg_position a WHERE a.kode_uker = u.kode_uker)::text
FROM units u
WHERE u.last_periode = ANY ($1::date[])
  AND NOT EXISTS (SELECT 1 FROM agg_position a
                  WHERE a.periode = u.last_periode AND a.kode_uker = u.kode_uker)
ORDER BY u.kode_uker
