-- Every load and delete bumps it; the dashboards' ETags derive from it.
UPDATE data_version SET version = version + 1, changed_at = now() RETURNING version
