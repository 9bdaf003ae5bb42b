-- Each UI group with each of its segments, groups in display order.
SELECT group_code, unnest(segments) FROM segment_groups ORDER BY sort_order
