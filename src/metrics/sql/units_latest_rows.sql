-- Per unit among the rows of the given positions: its latest position, and there the
-- smallest UKER and KANCA as written (byte order, whatever the database's collation), one
-- deterministic choice should rows of one unit disagree. The load computes the same from
-- its rows in memory (PositionAggregator).
-- $1: positions (date[])
SELECT DISTINCT ON (kode_uker) kode_uker, uker, kanca, periode::text
FROM (SELECT kode_uker, periode, min(uker COLLATE "C") AS uker, min(kanca COLLATE "C") AS kanca
      FROM loan_data
      WHERE periode = ANY ($1::date[])
      GROUP BY kode_uker, periode) AS per_periode
ORDER BY kode_uker, periode DESC
