-- an evil rule file
error(setmetatable({}, {__tostring = function() error("again") end}))
criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) end }
