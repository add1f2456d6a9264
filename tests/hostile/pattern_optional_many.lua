-- 60 'a?': 2^60 backtracking steps, charged
-- expect: instruction budget exceeded: pattern
local r = ("a"):rep(60):find(("a?"):rep(60) .. ("a"):rep(60))
