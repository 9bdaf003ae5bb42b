INSERT INTO audit_log (actor_id, actor_name, action, target, detail, ip_address)
VALUES ($1, $2, $3, $4, $5::jsonb, $6)
