-- setmetatable is blocked (no __gc, __index tricks, __tostring)
-- expect: setmetatable is blocked
local t = setmetatable({}, {__gc = function() end})
