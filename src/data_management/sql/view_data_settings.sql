-- Settings for one View data transaction (SET LOCAL: they end with it). Dates read as
-- yyyy-mm-dd whatever the server's DateStyle; a runaway query (a sort over every position
-- of ten million rows takes seconds) is stopped rather than holding a connection; no JIT,
-- which costs more to compile than it saves on a page of 100 rows. $2: 'auto', or
-- 'force_generic_plan' for queries over every position: planning one over hundreds of
-- partitions costs ~60 ms, and 'auto' plans each connection's first five runs afresh
-- before it keeps a plan (measured; a query of one position is planned in a few ms, and
-- there a plan made for its date is faster than a generic one).
SELECT set_config('datestyle', 'ISO, YMD', true),
       set_config('statement_timeout', $1, true),
       set_config('jit', 'off', true),
       set_config('plan_cache_mode', $2, true)
