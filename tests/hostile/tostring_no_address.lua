-- tostring of a function, a table and a handle prints no address
-- expect: no address: function table function
local s = tostring(print) .. " " .. tostring({}) .. " " .. tostring(string.len) error(s:find("0x") and "address: " .. s or "no address: " .. s)
