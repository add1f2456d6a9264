-- 100,000 deductions of 4 KiB: at most 1000 per criterion
-- expect: already has 1000 deductions
-- top: undefined global 'u'
local r = ("x"):rep(4096) for i = 1, 100000 do u.lose(0, r) end
