-- Removes the units of month $1 and, by cascade, their targets.
DELETE FROM komitmen_units WHERE month = $1::date
