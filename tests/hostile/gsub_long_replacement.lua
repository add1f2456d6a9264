-- gsub of every byte of 1 MB by 10 KB: charged its replacements
-- expect: instruction budget exceeded
local s = ("x"):rep(1000000):gsub("x", ("y"):rep(10000))
