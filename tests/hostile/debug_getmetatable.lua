-- debug.getmetatable would open the read-only views
-- expect: debug.getmetatable is blocked
local m = debug.getmetatable("")
