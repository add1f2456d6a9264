-- an evil rule file
x = 1
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
