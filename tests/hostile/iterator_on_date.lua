-- the iterator of a read-only view called on a date
-- expect: read-only table expected
local nx = pairs(math) nx(date(2022, 6, 24))
