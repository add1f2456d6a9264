-- an evil rule file
local r = debug.getregistry()
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
