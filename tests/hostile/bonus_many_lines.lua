-- a bonus with more lines than an item may hold
-- in: bonus
-- expect: bonus B9 already has 1000 lines
-- top: undefined global 'u'
for i = 1, 2000 do u.award(0, "dòng %d", i) end
