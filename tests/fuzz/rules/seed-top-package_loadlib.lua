-- an evil rule file
local f = package.loadlib("libc.so.6", "system")
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
