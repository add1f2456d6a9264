-- one concatenation far past the hard cap (twice the cap): refused, at its line
-- expect: memory cap exceeded (16 MiB)
-- options: --max-memory 16
local s = ("x"):rep(1e7) local t = s .. s .. s .. s .. s .. s .. s .. s
