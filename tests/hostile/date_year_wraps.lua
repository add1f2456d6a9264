-- date(2^32 + 2022, 6, 24) is not 2022 cut to 32 bits
-- expect: is not a valid date
local d = date(2^32 + 2022, 6, 24)
