-- Accounts: users (the seed's users table plus last_login), server-side sessions,
-- sign-in throttling and the append-only audit log.

CREATE TABLE users (
  id            bigserial PRIMARY KEY,
  username      varchar(150) NOT NULL,
  email         varchar(254) NOT NULL DEFAULT '',
  password_hash text NOT NULL,                       -- argon2id, libsodium crypto_pwhash_str
  first_name    varchar(150) NOT NULL DEFAULT '',
  last_name     varchar(150) NOT NULL DEFAULT '',
  role          varchar(10) NOT NULL CHECK (role IN ('admin', 'user')),
  phone_number  varchar(20) NOT NULL DEFAULT '',
  is_active     boolean NOT NULL DEFAULT true,
  is_staff      boolean NOT NULL DEFAULT false,      -- kept from the seed: true for admins
  last_login    timestamptz,
  previous_login timestamptz,                        -- the sign-in before last_login, shown on Home
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
-- Usernames are unique regardless of case, so "Admin" cannot shadow "admin".
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_role_idx ON users (role);

CREATE TABLE sessions (
  id            text PRIMARY KEY,                    -- hex SHA-256 of the cookie token
  user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,                -- absolute lifetime
  ip_address    text NOT NULL DEFAULT '',
  user_agent    text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed sign-ins counted per username and per client address.
CREATE TABLE login_throttle (
  scope         varchar(10) NOT NULL CHECK (scope IN ('username', 'address')),
  key           text NOT NULL,
  failures      integer NOT NULL DEFAULT 0,
  first_failure timestamptz NOT NULL DEFAULT now(),
  locked_until  timestamptz,
  PRIMARY KEY (scope, key)
);

CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor_id      bigint REFERENCES users (id),           -- users are deactivated, never deleted
  actor_name    text NOT NULL DEFAULT '',            -- kept when the user row goes
  action        text NOT NULL,                       -- e.g. 'auth.sign_in', 'user.update'
  target        text NOT NULL DEFAULT '',
  detail        jsonb NOT NULL DEFAULT '{}',
  ip_address    text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

-- Append-only: no role, not even the application, may change or remove an entry.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Users as the application reads them: times as ISO-8601 UTC text and the current
-- sign-in lock on the username, if any.
CREATE VIEW user_accounts AS
SELECT u.id, u.username, u.first_name, u.last_name, u.email, u.phone_number, u.role,
       u.is_active,
       to_char(u.last_login AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_login,
       to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
       to_char(t.locked_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS locked_until
FROM users u
LEFT JOIN login_throttle t
  ON t.scope = 'username' AND t.key = lower(u.username) AND t.locked_until > now();
