-- an evil rule file
local s = ("x"):rep(1e7) local t = s .. s .. s .. s .. s .. s .. s .. s
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
