-- u.records parses the stored list on every call: charged
-- expect: instruction budget exceeded | time limit exceeded
-- top: undefined global 'u'
for i = 1, 100000000 do local r = u.records("items") end
