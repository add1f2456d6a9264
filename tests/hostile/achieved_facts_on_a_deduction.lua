-- a statement's :facts called on a deduction's handle: refused by its metatable, not read as a statement
-- expect: parindex.achievement expected
-- top: undefined global 'u'
local h = u.lose(0, "x") local a = u.achieved("y") a.facts(h, "a")
