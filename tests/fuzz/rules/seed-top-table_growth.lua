-- an evil rule file
local t = {} local i = 0 while true do i = i + 1 t[i] = {i} end
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
