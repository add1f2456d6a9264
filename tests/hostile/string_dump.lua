-- string.dump must not produce bytecode
-- expect: string.dump is blocked
local s = string.dump(function() end)
