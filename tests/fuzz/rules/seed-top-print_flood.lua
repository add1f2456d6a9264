-- an evil rule file
for i = 1, 1e9 do print("x") end
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
