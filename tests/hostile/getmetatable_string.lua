-- getmetatable("").__index = ... would change every string
-- expect: getmetatable is blocked
getmetatable("").__index = {}
