-- a Lua callback of gsub is counted like any code
-- expect: instruction budget
-- options: --max-instructions 100000
local r = ("x"):gsub("x", function() while true do end end)
