-- the math library is read-only
-- expect: math is read-only
math.pi = 3
