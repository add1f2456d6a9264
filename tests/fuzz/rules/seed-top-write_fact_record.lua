-- an evil rule file
u.records("items")[1].n = 5
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
