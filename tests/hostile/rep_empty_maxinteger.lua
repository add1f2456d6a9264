-- string.rep of an empty string math.maxinteger times loops in C: charged
-- expect: instruction budget exceeded
local s = string.rep("", math.maxinteger)
