-- 100,000 tasks on one deduction: at most 100
-- expect: already has 100 tasks
-- top: undefined global 'u'
local h = u.lose(0, "x"):task("noi-vu", "t") for i = 1, 100000 do h:support("noi-vu", "t") end
