-- NULL parameters leave a column as it is (a PATCH changes only what it names).
UPDATE users SET
  first_name    = COALESCE($2, first_name),
  last_name     = COALESCE($3, last_name),
  email         = COALESCE($4, email),
  phone_number  = COALESCE($5, phone_number),
  role          = COALESCE($6, role),
  is_staff      = COALESCE($6, role) = 'admin',
  is_active     = COALESCE($7, is_active),
  password_hash = COALESCE($8, password_hash),
  updated_at    = now()
WHERE id = $1
