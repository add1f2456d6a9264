-- a reason with a NUL byte would be cut short in the ledger
-- expect: the text holds a NUL byte
-- top: undefined global 'u'
u.lose(0, "abc\0def")
