-- an evil rule file
local t = {} for i = 1, 100 do t[i] = ("x"):rep(1e6) end local s = table.concat(t)
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
