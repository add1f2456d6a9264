-- an evil rule file
math.pi = 3
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
