-- table.move over 10^12 elements is charged before it starts
-- expect: instruction budget exceeded
table.move({}, 1, 1e12, 1)
