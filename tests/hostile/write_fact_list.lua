-- the list of records is read-only
-- expect: records is read-only
-- top: undefined global 'u'
table.insert(u.records("items"), {})
