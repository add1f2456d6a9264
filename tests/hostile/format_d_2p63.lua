-- %d of 2^63 has no 64-bit integer: an error, not -9223372036854775808
-- expect: outside the 64-bit integer range
local s = fmt("%d", 2^63)
