-- pattern matching runs in C: its worst case is charged to the budget
-- expect: instruction budget exceeded: pattern
-- options: --max-instructions 1000
local r = string.rep("a", 80):find(".-.-.-.-b")
