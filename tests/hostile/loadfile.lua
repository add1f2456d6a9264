-- loadfile must not read another file
-- expect: loadfile is blocked
local f = loadfile("/etc/passwd")
