-- load with a binary chunk (mode b) must be refused
-- expect: load is blocked
local f = load("\27Lua\84\0\25\147\13\10\26\10", "x", "b")
