-- Waits for a running load or delete of loan data and holds it off until the transaction
-- ends (the same lock as ingest's load_lock.sql).
-- $1: the lock key (aggregates.cpp)
SELECT pg_advisory_xact_lock($1)
