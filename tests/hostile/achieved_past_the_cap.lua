-- 8 KB statements, each naming a thousand facts, until the ledger passes the memory cap: counted against it
-- expect: memory cap exceeded
-- top: undefined global 'u'
-- options: --max-memory 4
local r, k = ("y"):rep(8000), {} for i = 1, 1000 do k[i] = "a" end for i = 1, 100 do u.achieved(r):facts(table.unpack(k)) end
