-- Component 1, reporting: four reports, 2 points each (4 x 2 = 8).
-- A report not sent (no report_<r>_sent fact) loses its 2 points; a report
-- sent after its deadline loses 1 point.

local function report(r)
  local sent_key, deadline_key = "report_" .. r .. "_sent", "report_" .. r .. "_deadline"
  local not_sent, late = r .. " report not sent", r .. " report sent after deadline"
  return {
    component = "1",
    name   = "The " .. r .. " report is sent by its deadline",
    max    = 2,
    owner  = "reporting",
    basis  = "Not sent: 0 points. Sent after the deadline: 1 point is lost.",
    params = { diem = 2, tru_tre_han = 1 },
    score  = function(u, p)
      local sent = u.fact(sent_key, false)
      if not sent then
        u.lose(p.diem, not_sent)
      elseif sent > u.fact(deadline_key) then
        u.lose(p.tru_tre_han, late)
      end
    end,
  }
end

criterion "REP_ANNUAL" (report("annual"))
criterion "REP_BUDGET" (report("budget"))
criterion "REP_AUDIT"  (report("audit"))
criterion "REP_PLAN"   (report("plan"))
