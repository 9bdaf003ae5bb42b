UPDATE login_throttle SET locked_until = now() + make_interval(mins => $3)
WHERE scope = $1 AND key = $2
