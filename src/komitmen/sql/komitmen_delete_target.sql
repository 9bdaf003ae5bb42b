-- Removes one target of a unit of month $1 (the unit has no target there any more).
DELETE FROM komitmen_targets
WHERE month = $1::date AND kode_uker = $2 AND target_group = $3 AND measure = $4
