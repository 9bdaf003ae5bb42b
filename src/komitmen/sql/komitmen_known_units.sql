-- Which of the codes $1 (text[]) the unit hierarchy knows.
SELECT kode_uker FROM unit_hierarchy WHERE kode_uker = ANY ($1::text[])
