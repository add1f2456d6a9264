-- millions of plain finds on a 20 MB string: each charged its length
-- expect: instruction budget exceeded
local s = ("a"):rep(20000000) for i = 1, 1000000 do local r = s:find("b", 1, true) end
