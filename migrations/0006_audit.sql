-- The audit log page filters by who most of all ("what did this user do"); its pages are
-- keyset by id, newest first, so the index ends with the id.
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);

-- 0001's row trigger refuses UPDATE and DELETE, but a TRUNCATE fires no row trigger: it
-- would empty the log in one statement. Refused the same way.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
