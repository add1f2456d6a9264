-- the registry holds the real globals: debug is blocked
-- expect: debug.getregistry is blocked
local r = debug.getregistry()
