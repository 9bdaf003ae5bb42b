-- The groups the UI offers, in display order, each with its segments in their order (a
-- group listing no segment still comes back, once, with a NULL segment).
SELECT g.group_code, g.label, s.segment
FROM segment_groups g
LEFT JOIN LATERAL unnest(g.segments) WITH ORDINALITY AS s (segment, ord) ON true
ORDER BY g.sort_order, s.ord
