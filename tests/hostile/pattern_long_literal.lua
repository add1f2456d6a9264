-- a 2 MB literal pattern on a 2 MB subject
-- expect: instruction budget exceeded
local s = ("a"):rep(2000000) local r = s:find(("a"):rep(1999999) .. "b")
