-- string.rep with a big separator counts the separator
-- expect: memory cap exceeded
local s = ("x"):rep(100000, ("y"):rep(100000))
