-- load must not compile text at run time
-- expect: load is blocked
local f = load("return 1")
