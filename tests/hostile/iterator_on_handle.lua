-- the iterator of params called on a deduction handle: no shared methods table comes out
-- expect: read-only table expected
-- top: undefined global 'p'
local nx = pairs(p) nx(u.lose(0, "x"), nil)
