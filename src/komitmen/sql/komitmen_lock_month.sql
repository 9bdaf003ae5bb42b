-- Serialises every change of one month (upload, edit, delete) until the transaction ends,
-- so a replace never interleaves with an edit of the month it replaces.
SELECT pg_advisory_xact_lock(hashtextextended('komitmen:' || $1::date::text, 0))
