-- a record of a list fact is read-only
-- expect: a record is read-only
-- top: undefined global 'u'
u.records("items")[1].n = 5
