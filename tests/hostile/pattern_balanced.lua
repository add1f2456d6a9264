-- %b() on 100,000 open brackets: quadratic, charged
-- expect: instruction budget exceeded: pattern
local r = ("("):rep(100000):find("%b()")
