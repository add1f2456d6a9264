-- 8 KB tasks until the ledger passes the memory cap: counted against it
-- expect: memory cap exceeded
-- top: undefined global 'u'
-- options: --max-memory 16
local r = ("y"):rep(8000) for i = 1, 1000 do local h = u.lose(0, r) for j = 1, 100 do h:task("noi-vu", r) end end
