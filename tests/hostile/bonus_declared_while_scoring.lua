-- a bonus declared while scoring, to add points after the fact
-- in: bonus
-- expect: bonus: declarations are not allowed while scoring | bonus is only allowed while the rule files load | while scoring
-- top: bonus B8: 'score' must be a function
bonus "B8" { name = "x", max = 1, owner = "noi-vu", score = 1 }
