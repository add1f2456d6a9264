-- the iterator pairs returns checks what it is given
-- expect: read-only table expected
local nx = pairs(string) nx(1, 2)
