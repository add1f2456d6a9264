-- package.loadlib must not open a shared library
-- expect: package.loadlib is blocked
local f = package.loadlib("libc.so.6", "system")
