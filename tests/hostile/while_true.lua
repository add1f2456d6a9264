-- an endless loop stops at the instruction budget
-- expect: instruction budget exceeded (100000 instructions)
-- options: --max-instructions 100000
while true do end
