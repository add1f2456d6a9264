-- a new global is refused
-- expect: assignment to global 'x'
x = 1
