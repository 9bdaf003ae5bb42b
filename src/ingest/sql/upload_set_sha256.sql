-- The command line hashes the file while it imports; the digest arrives afterwards.
UPDATE uploads SET sha256 = $2 WHERE id = $1
