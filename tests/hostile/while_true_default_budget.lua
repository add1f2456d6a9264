-- an endless loop stops at the default budget
-- expect: instruction budget exceeded (10000000 instructions)
while true do end
