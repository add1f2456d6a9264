-- string.rep to a gigabyte is refused before allocating
-- expect: memory cap exceeded (64 MiB): string.rep of 1000000000 bytes
local s = string.rep("x", 1e9)
