-- Counts a failure within a window as long as the lock ($3 minutes). A failure after the
-- window, or after a lock has ended, starts a new count. Returns the count.
INSERT INTO login_throttle AS t (scope, key, failures, first_failure)
VALUES ($1, $2, 1, now())
ON CONFLICT (scope, key) DO UPDATE SET
  failures = CASE WHEN t.first_failure < now() - make_interval(mins => $3)
                    OR t.locked_until <= now()
                  THEN 1 ELSE t.failures + 1 END,
  first_failure = CASE WHEN t.first_failure < now() - make_interval(mins => $3)
                         OR t.locked_until <= now()
                       THEN now() ELSE t.first_failure END,
  locked_until = CASE WHEN t.locked_until <= now() THEN NULL ELSE t.locked_until END
RETURNING failures
