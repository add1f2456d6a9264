-- string.format's %p would print an address
-- expect: %p is not allowed
local s = string.format("%p", {})
