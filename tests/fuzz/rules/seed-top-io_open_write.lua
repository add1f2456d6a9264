-- an evil rule file
local f = io.open("store.db", "w")
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
