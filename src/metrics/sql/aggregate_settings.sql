-- For the rest of the transaction: aggregate queries over a whole position must sort and
-- hash in memory, and JIT compilation costs them more (over a second) than it saves.
SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true)
