criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", score = function(u, p) u.na("not applicable in %d", u.year) end }
