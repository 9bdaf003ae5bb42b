-- Units whose place in unit_hierarchy (kanca, office or KCP) differs from the place
-- agg_nsb counted them at (agg_unit_place), or that have none yet; records their new
-- places and returns them, so their other positions can be recounted.
WITH current_places AS (
  SELECT kode_uker, kanca_key, is_office FROM unit_hierarchy
), moved AS (
  SELECT c.kode_uker, c.kanca_key, c.is_office
  FROM current_places c
  LEFT JOIN agg_unit_place p USING (kode_uker)
  WHERE p.kode_uker IS NULL OR p.kanca_key <> c.kanca_key OR p.is_office <> c.is_office
), recorded AS (
  INSERT INTO agg_unit_place AS p (kode_uker, kanca_key, is_office)
  SELECT kode_uker, kanca_key, is_office FROM moved
  ON CONFLICT (kode_uker) DO UPDATE
    SET kanca_key = EXCLUDED.kanca_key, is_office = EXCLUDED.is_office
)
SELECT kode_uker FROM moved ORDER BY kode_uker
