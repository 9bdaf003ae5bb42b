-- How long the next lock waits in this transaction (the loader's lock: a running load holds
-- it for as long as its file takes). $1: a PostgreSQL interval text, e.g. '10s'
SELECT set_config('lock_timeout', $1, true)
