-- table.insert at the front of a million-element list shifts it: charged
-- expect: instruction budget exceeded
local t = {} for i = 1, 1000000 do t[i] = i end for i = 1, 1000000 do table.insert(t, 1, i) end
