-- print is not offered: no flooding of stdout
-- expect: print is blocked
for i = 1, 1e9 do print("x") end
