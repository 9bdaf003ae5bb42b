-- Minutes left (rounded up) on the longest active lock for this username or address.
SELECT ceil(extract(epoch FROM max(locked_until) - now()) / 60)::int
FROM login_throttle
WHERE ((scope = 'username' AND key = lower($1)) OR (scope = 'address' AND key = $2))
  AND locked_until > now()
