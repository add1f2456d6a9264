-- u.unit is read-only
-- expect: u.unit is read-only
-- top: undefined global 'u'
u.unit.id = "other"
