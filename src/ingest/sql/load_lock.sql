-- One load or delete of loan data at a time, until the transaction ends: two loads of the
-- same position would otherwise each delete, then both insert, and collide.
-- $1: the lock key (load/load_lock.hpp)
SELECT pg_advisory_xact_lock($1)
