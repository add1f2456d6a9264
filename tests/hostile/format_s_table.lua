-- string.format's %s of a table or a function prints its type, not an address
-- expect: got table function
error("got " .. string.format("%s %s", {}, print))
