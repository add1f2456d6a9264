criterion "1.2" {
  name = "c12", max = 2, owner = "noi-vu", params = { k = 1, t = { 1 } },
  score = function(u, p)
    x = 1
  end,
}
