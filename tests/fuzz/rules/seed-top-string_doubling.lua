-- an evil rule file
local s = "x" for i = 1, 40 do s = s .. s end
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
