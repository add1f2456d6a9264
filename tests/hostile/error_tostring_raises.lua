-- an error object whose __tostring raises cannot be built
-- expect: setmetatable is blocked
error(setmetatable({}, {__tostring = function() error("again") end}))
