-- An upload this process runs without claiming it (`smedash import`) takes the job's
-- advisory lock as a claim does (job_claim.sql), in the transaction that creates it, so a
-- server's recovery sweep sees a live job, not a dead one. $1: the lock class, $2: the
-- upload.
SELECT pg_advisory_lock($1::int4, ($2::bigint % 2147483648)::int4)
