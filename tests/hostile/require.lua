-- require must not load a module (from Lua or C)
-- expect: require is blocked
local o = require("os")
