-- vn of 1e300 is written whole (no fixed buffer)
-- expect: length 310
error("length " .. #vn(1e300, 8))
