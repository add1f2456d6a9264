criterion "1.2" {
  name = "c12", max = 2, owner = "noi-vu", params = { k = 1, t = { 1 } },
  score = function(u, p)
    local s = ("x"):rep(100000, ("y"):rep(100000))
  end,
}
