-- comparing two equal 10 MB strings millions of times: the CPU-time limit stops it
-- expect: time limit exceeded
local a, b, n = ("x"):rep(10000000), ("x"):rep(10000000), 0 for i = 1, 10000000 do if a == b then n = n + 1 end end
