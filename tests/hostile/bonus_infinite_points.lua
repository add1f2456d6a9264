-- a bonus that awards infinitely many points (no cap can hold that: refused)
-- in: bonus
-- expect: u.award: points must be a finite number >= 0
-- top: undefined global 'u'
u.award(math.huge, "vô hạn")
