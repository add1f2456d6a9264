-- ("").dump reaches string.dump through the string metatable: blocked too
-- expect: string.dump is blocked
local s = ("").dump(function() end)
