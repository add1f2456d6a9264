-- a statement with a NUL byte would be cut short in the ledger
-- expect: the text holds a NUL byte
-- top: undefined global 'u'
u.achieved("abc\0def")
