criterion "1.2" { name = "c12", max = 2, owner = "noi-vu", params = { s = { {90, 0}, {80, 0.5} } },
  score = function(u, p) u.lose(steps(u.fact("b"), p.s), "steps"):facts("b") end }
