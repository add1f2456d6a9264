-- 8 KB tasks until the ledger passes the memory cap: counted against it
-- expect: memory cap exceeded
-- top: undefined global 'u'
-- options: --max-memory 16
local r = ("y"):rep(8000) for i = 1, 1000 do local h = u.lose(0, r):task("noi-vu", r) for j = 2, 100 do h:support("noi-vu", r) end end
