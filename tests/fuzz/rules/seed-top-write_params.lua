-- an evil rule file
p.t[1] = 3
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
