-- Component 4, planning: 4 + 2 + 2 = 8.

criterion "PLAN_DONE" {
  component = "4", max = 4, owner = "planning",
  name   = "Action plan tasks done",
  basis  = "Done share of plan tasks: >= 90% 4 points, >= 80% 2, else 0. No action plan: 0.",
  params = { muc = { { 0.9, 4 }, { 0.8, 2 } }, diem = 4 },
  score  = function(u, p)
    local total = u.fact("plan_tasks_total", 0)
    if total == 0 then return u.lose(p.diem, "no action plan") end
    local diem = steps(u.fact("plan_tasks_done", 0) / total, p.muc)
    if diem < p.diem then u.lose(p.diem - diem, "plan completion below 90%%") end
  end,
}

criterion "PLAN_OVERDUE" {
  component = "4", max = 2, owner = "planning",
  name   = "Overdue plan tasks",
  basis  = "0,25 points lost per overdue plan task, at most 2.",
  params = { tru_moi_viec = 0.25, tru_toi_da = 2 },
  score  = function(u, p)
    local lost = math.min(u.fact("plan_tasks_overdue", 0) * p.tru_moi_viec, p.tru_toi_da)
    if lost > 0 then u.lose(lost, "overdue plan tasks") end
  end,
}

criterion "PLAN_INITIATIVE" {
  component = "4", max = 2, owner = "planning",
  name   = "An initiative of the unit's own",
  basis  = "An own initiative: 2 points.",
  params = { diem = 2 },
  score  = function(u, p)
    if u.fact("has_initiative", false) ~= true then u.lose(p.diem, "no own initiative") end
  end,
}
