-- a 16 MiB statement of what was achieved: refused before it is copied into the ledger
-- expect: more than the 8192 a ledger entry may hold
-- top: undefined global 'u'
local r = ("x"):rep(16 * 1024 * 1024) u.achieved(r)
