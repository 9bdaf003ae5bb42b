SELECT code, segment FROM segment_map
