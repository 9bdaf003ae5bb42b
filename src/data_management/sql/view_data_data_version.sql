-- The data version, bumped by every load and delete: an export checks it between chunks.
SELECT version FROM data_version
