-- table.concat building a huge string inside C: refused
-- expect: memory cap exceeded (16 MiB)
-- options: --max-memory 16
local t = {} for i = 1, 100 do t[i] = ("x"):rep(1e6) end local s = table.concat(t)
