-- dofile must not run another file
-- expect: dofile is blocked
dofile("/etc/passwd")
