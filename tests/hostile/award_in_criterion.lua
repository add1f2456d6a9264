-- a criterion that awards bonus points
-- expect: u.award: only a bonus awards points
-- top: undefined global 'u'
u.award(1, "cộng trong tiêu chí")
