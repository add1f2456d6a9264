-- math.random is blocked: scores must be reproducible
-- expect: math.random is blocked
local x = math.random()
