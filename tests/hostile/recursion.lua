-- endless recursion stops at the budget
-- expect: instruction budget
-- options: --max-instructions 100000
local function f() return 1 + f() end f()
