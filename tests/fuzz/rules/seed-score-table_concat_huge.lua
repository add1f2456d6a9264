criterion "1.2" {
  name = "c12", max = 2, owner = "noi-vu", params = { k = 1, t = { 1 } },
  score = function(u, p)
    local t = {} for i = 1, 100 do t[i] = ("x"):rep(1e6) end local s = table.concat(t)
  end,
}
