-- concatenating a 10 MB string a million times: the CPU-time limit or the memory cap
-- expect: time limit exceeded | memory cap exceeded
local s = ("x"):rep(10000000) for i = 1, 1000000 do local t = s .. i end
