-- a bonus that awards negative points (a penalty in disguise)
-- in: bonus
-- expect: u.award: points must be a finite number >= 0
-- top: undefined global 'u'
u.award(-3, "trừ lén")
