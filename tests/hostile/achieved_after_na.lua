-- a criterion marked not applicable states no achievement (and the other way round)
-- expect: u.achieved: the criterion was already marked not applicable
-- top: undefined global 'u'
u.na("không chấm") u.achieved("đạt")
