-- endless recursion with default limits: whichever limit comes first
-- expect: memory cap | stack overflow | instruction budget
local function f() return 1 + f() end f()
