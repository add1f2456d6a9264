-- %f of 1e300 is written whole (no fixed buffer)
-- expect: length 304
error("length " .. #fmt("%.2f", 1e300))
