-- The job ended and its verdict is recorded: its worker lets go of the job's advisory lock
-- (job_claim.sql) and keeps the connection for the next job. $1: the lock class, $2: the
-- upload.
SELECT pg_advisory_unlock($1::int4, ($2::bigint % 2147483648)::int4)
