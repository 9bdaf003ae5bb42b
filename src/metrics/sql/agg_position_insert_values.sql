-- agg_position rows computed by a load from its own rows (PositionAggregator).
-- $1..$7: periode, kode_uker, segment, kol_adk, restructured, os, accounts (arrays)
INSERT INTO agg_position (periode, kode_uker, segment, kol_adk, restructured, os, accounts)
SELECT *
FROM unnest($1::date[], $2::text[], $3::text[], $4::smallint[], $5::boolean[],
            $6::numeric[], $7::bigint[])
