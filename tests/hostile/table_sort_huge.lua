-- table.sort of a million elements is charged n log n
-- expect: instruction budget exceeded
local t = {} for i = 1, 1000000 do t[i] = -i end table.sort(t)
