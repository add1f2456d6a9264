-- a bonus that loops forever is stopped by the instruction budget
-- in: bonus
-- expect: instruction budget exceeded
while true do end
