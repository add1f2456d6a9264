-- coroutines are not offered (no yield can escape the budget)
-- expect: coroutine.create is blocked
local co = coroutine.create(function() while true do end end)
