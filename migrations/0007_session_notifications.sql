-- Servers keep a signed-in session in memory for a few seconds instead of looking it up on
-- every request (src/accounts/session_cache.hpp). Whatever ends a session or changes what
-- it grants NOTIFYs "sessions" on "smedash_changes" (see 0004), from any process, so every
-- server drops its copies at once: a session deleted (sign-out, expiry sweep, password
-- change, deactivation) or a user's name, role, password or active flag changed.
CREATE FUNCTION notify_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A statement trigger fires even when no row matched; only real changes are news.
  IF EXISTS (SELECT 1 FROM changed) THEN
    PERFORM pg_notify('smedash_changes', 'sessions');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_ended AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION notify_sessions_changed();

-- Only the columns a session's rights depend on: a sign-in writes last_login, which is no
-- news. (Column lists exclude transition tables, so this one cannot skip empty updates.)
CREATE FUNCTION notify_users_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('smedash_changes', 'sessions');
  RETURN NULL;
END $$;

CREATE TRIGGER users_changed
  AFTER UPDATE OF username, first_name, last_name, role, is_active, password_hash ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_users_changed();

CREATE TRIGGER users_removed AFTER DELETE ON users
  REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION notify_sessions_changed();
