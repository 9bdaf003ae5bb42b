-- An empty partition for the position, its old rows (if any) gone.
-- $1: position (date)
SELECT loan_data_prepare_position($1::date)
