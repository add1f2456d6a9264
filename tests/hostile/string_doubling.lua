-- a string doubled until it is huge hits the memory cap
-- expect: memory cap exceeded (16 MiB)
-- options: --max-memory 16
local s = "x" for i = 1, 40 do s = s .. s end
