-- an evil rule file
local a = table.unpack({}, 1, 1e8)
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
