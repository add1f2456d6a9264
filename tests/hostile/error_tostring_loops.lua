-- an error object whose __tostring loops cannot be built
-- expect: setmetatable is blocked
error(setmetatable({}, {__tostring = function() while true do end end}))
