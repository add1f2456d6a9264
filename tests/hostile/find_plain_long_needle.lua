-- a plain find of a 1 MB needle in a 2 MB subject
-- expect: instruction budget exceeded
local s = ("a"):rep(2000000) local r = s:find(("a"):rep(1000000) .. "b", 1, true)
