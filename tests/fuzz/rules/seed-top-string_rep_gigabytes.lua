-- an evil rule file
local s = string.rep("x", 1e9)
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
