-- a table grown without end hits the memory cap
-- expect: memory cap exceeded (16 MiB)
-- options: --max-memory 16
local t = {} local i = 0 while true do i = i + 1 t[i] = {i} end
