-- an evil rule file
local r = string.rep("a", 80):find(".-.-.-.-b")
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
