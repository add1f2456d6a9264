-- a 16 MiB task text
-- expect: more than the 8192 a ledger entry may hold
-- top: undefined global 'u'
local h = u.lose(0, "x") h:task("noi-vu", ("x"):rep(16 * 1024 * 1024))
