-- The dashboards' data version: a delete checks it against the one its preview saw.
SELECT version FROM data_version
