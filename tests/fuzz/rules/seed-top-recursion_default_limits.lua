-- an evil rule file
local function f() return 1 + f() end f()
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
