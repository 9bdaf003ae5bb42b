-- All of a user's sessions except one ($2, may be NULL): after a password change or
-- deactivation, other browsers are signed out.
DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR id <> $2)
