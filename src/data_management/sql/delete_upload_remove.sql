-- An upload deleted by an admin goes from the history together with its file: its
-- positions (upload_periodes) and rejected rows (upload_issues) go with it (ON DELETE
-- CASCADE). What it was and who deleted it stays in the audit log's data.delete entry.
-- $1: upload id
DELETE FROM uploads WHERE id = $1
