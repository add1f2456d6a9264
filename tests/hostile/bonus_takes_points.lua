-- a bonus that takes points with u.lose
-- in: bonus
-- expect: u.lose: a bonus awards points
-- top: undefined global 'u'
u.lose(1, "trừ trong mục thưởng")
