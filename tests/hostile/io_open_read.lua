-- io.open must not read a file
-- expect: io.open is blocked
local f = io.open("/etc/passwd")
