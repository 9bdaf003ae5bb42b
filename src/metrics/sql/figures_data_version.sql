-- The dashboards' data version (bumped by every load, delete and hierarchy or segment map
-- change).
SELECT version FROM data_version
