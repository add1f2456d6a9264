-- the iterator of a view called on a plain table
-- expect: read-only table expected
local nx = pairs(utf8) nx({}, nil)
