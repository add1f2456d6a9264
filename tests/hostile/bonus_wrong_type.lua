-- a bonus that awards points given as text
-- in: bonus
-- expect: bad argument #1 to 'award' (number expected, got string)
-- top: undefined global 'u'
u.award("many", "cộng nhiều điểm")
