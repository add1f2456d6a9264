-- a statement formatted from a 16 MiB value: charged, and refused before it enters the ledger
-- expect: more than the 8192 a ledger entry may hold | instruction budget exceeded
-- top: undefined global 'u'
u.achieved("%s", ("x"):rep(16 * 1024 * 1024))
