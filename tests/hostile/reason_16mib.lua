-- a 16 MiB reason: refused before it is copied into the ledger
-- expect: more than the 8192 a ledger entry may hold
-- top: undefined global 'u'
local r = ("x"):rep(16 * 1024 * 1024) u.lose(0, r)
