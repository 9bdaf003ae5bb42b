DELETE FROM login_throttle WHERE scope = $1 AND key = $2
