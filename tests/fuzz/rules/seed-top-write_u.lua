-- an evil rule file
u.lose = function() end
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
