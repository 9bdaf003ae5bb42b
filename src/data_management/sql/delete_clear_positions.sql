-- Empties the positions' partitions (migrations/0002's loan_data_clear_position). The
-- empty day partitions stay: dropping one locks its month's parent against every reader,
-- and a later upload of the date reuses it (the loader truncates or creates as needed).
-- $1: positions (date[])
SELECT loan_data_clear_position(day) FROM unnest($1::date[]) AS day
