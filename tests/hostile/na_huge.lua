-- a 1 MB not-applicable text
-- expect: more than the 8192 a ledger entry may hold
-- top: undefined global 'u'
u.na(("x"):rep(1000000))
