-- date - math.mininteger: no overflow
-- expect: leaves the years 1000-9999
local d = date(2022, 6, 24) - math.mininteger
