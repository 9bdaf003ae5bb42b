-- The units of month $1 in file order, each with its targets (one row per target, or one
-- row of NULLs for a unit without any), and whether the unit hierarchy knows the unit.
SELECT u.kode_uker, u.kode_kanca, u.kanca, u.uker, u.line,
       EXISTS (SELECT 1 FROM unit_hierarchy h WHERE h.kode_uker = u.kode_uker),
       t.target_group, t.measure, t.value::text
FROM komitmen_units u
LEFT JOIN komitmen_targets t ON t.month = u.month AND t.kode_uker = u.kode_uker
WHERE u.month = $1::date
ORDER BY u.line, u.kode_uker
