-- coroutine.wrap is not offered either
-- expect: coroutine.wrap is blocked
local f = coroutine.wrap(function() end)
