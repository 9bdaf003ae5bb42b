-- Sums of os and account counts at the dashboards' grain (issue 4) for the given
-- positions. A CODE missing from segment_map is SMALL NCC (domain.md section 4); a
-- missing FLAG RESTRUK column means N.
-- $1: positions (date[])
INSERT INTO agg_position (periode, kode_uker, segment, kol_adk, restructured, os, accounts)
SELECT l.periode, l.kode_uker, coalesce(m.segment, 'SMALL NCC'), l.kol_adk,
       coalesce(l.flag_restruk, false), sum(l.os), count(*)
FROM loan_data l
LEFT JOIN segment_map m ON m.code = l.code
WHERE l.periode = ANY ($1::date[])
GROUP BY 1, 2, 3, 4, 5
