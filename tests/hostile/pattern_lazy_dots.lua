-- '.-' backtracking on 5,000 bytes: charged its worst case
-- expect: instruction budget exceeded: pattern
local r = ("a"):rep(5000):find(".-.-b")
