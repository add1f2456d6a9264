-- io.popen must not start a process
-- expect: io.popen is blocked
local p = io.popen("id")
