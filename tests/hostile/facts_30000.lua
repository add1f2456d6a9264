-- 30,000 keys in :facts
-- expect: more than the 1000 one deduction may name
-- top: undefined global 'u'
local k = {} for i = 1, 30000 do k[i] = "a" end u.lose(0, "x"):facts(table.unpack(k))
