-- rawset on _ENV is blocked
-- expect: rawset is blocked
rawset(_ENV, "x", 1)
