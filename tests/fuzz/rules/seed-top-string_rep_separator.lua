-- an evil rule file
local s = ("x"):rep(100000, ("y"):rep(100000))
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
