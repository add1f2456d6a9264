-- Component 3, digital services: 3 + 2 + 1 + 2 + 2 = 10.
-- Rates are fractions (0.873); linear(v, lo, hi, max) scales and rounds.

criterion "DIG_ONLINE" {
  component = "3", max = 3, owner = "digital",
  name   = "Dossiers filed online",
  basis  = "Online share of dossiers, scaled from 20% (0 points) to 70% (3 points).",
  params = { tu = 0.2, den = 0.7, diem = 3 },
  score  = function(u, p)
    local diem = linear(u.fact("online_dossier_rate", 0), p.tu, p.den, p.diem)
    if diem < p.diem then u.lose(p.diem - diem, "online dossier rate below 70%%") end
  end,
}

criterion "DIG_SIGNATURE" {
  component = "3", max = 2, owner = "digital",
  name   = "Documents signed digitally",
  basis  = "Digitally signed share, scaled from 50% (0 points) to 100% (2 points).",
  params = { tu = 0.5, den = 1.0, diem = 2 },
  score  = function(u, p)
    local diem = linear(u.fact("digital_signature_rate", 0), p.tu, p.den, p.diem)
    if diem < p.diem then u.lose(p.diem - diem, "digital signature rate below 100%%") end
  end,
}

criterion "DIG_WEBSITE" {
  component = "3", max = 1, owner = "digital",
  name   = "The unit has a website",
  basis  = "A website: 1 point.",
  params = { diem = 1 },
  score  = function(u, p)
    if u.fact("has_website", false) ~= true then u.lose(p.diem, "no website") end
  end,
}

criterion "DIG_UPTIME" {
  component = "3", max = 2, owner = "digital",
  name   = "E-service uptime",
  basis  = "Uptime >= 99%: 2 points, >= 95%: 1, else 0.",
  params = { muc = { { 0.99, 2 }, { 0.95, 1 } }, diem = 2 },
  score  = function(u, p)
    local diem = steps(u.fact("eservice_uptime", 0), p.muc)
    if diem < p.diem then u.lose(p.diem - diem, "e-service uptime below 99%%") end
  end,
}

criterion "DIG_EPROC" {
  component = "3", max = 2, owner = "digital",
  name   = "E-procurement",
  basis  = "E-procurement share, scaled from 0% (0 points) to 100% (2 points).",
  params = { tu = 0.0, den = 1.0, diem = 2 },
  score  = function(u, p)
    local diem = linear(u.fact("eprocurement_rate", 0), p.tu, p.den, p.diem)
    if diem < p.diem then u.lose(p.diem - diem, "e-procurement rate below 100%%") end
  end,
}
