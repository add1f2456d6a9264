-- date + 3,000,000 days leaves the years 1000-9999: an error, not the year modulo 10000
-- expect: leaves the years 1000-9999
local d = date(2022, 6, 24) + 3000000
