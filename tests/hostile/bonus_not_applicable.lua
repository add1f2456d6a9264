-- a bonus marked not applicable
-- in: bonus
-- expect: u.na: a bonus item is always applicable
-- top: undefined global 'u'
u.na("không áp dụng")
