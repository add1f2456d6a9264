-- a fact key with a NUL byte would name another fact ("a") as a C string
-- expect: a fact key holds no NUL byte
-- top: undefined global 'u'
local x = u.fact("a\0zzz")
