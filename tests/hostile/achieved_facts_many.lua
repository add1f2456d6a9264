-- a statement naming 30,000 facts: at most 1000
-- expect: more than the 1000 one statement may name
-- top: undefined global 'u'
local k = {} for i = 1, 30000 do k[i] = "a" end u.achieved("x"):facts(table.unpack(k))
