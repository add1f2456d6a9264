-- 100,000 statements of 4 KiB: at most 100 per criterion
-- expect: already has 100 statements
-- top: undefined global 'u'
local r = ("x"):rep(4096) for i = 1, 100000 do u.achieved(r) end
