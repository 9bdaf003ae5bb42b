-- One more cell changed on the page since upload $1.
UPDATE komitmen_uploads SET edits = edits + 1 WHERE id = $1 RETURNING edits
