-- a bonus line given a task
-- in: bonus
-- expect: task: a bonus implies no task
-- top: undefined global 'u'
u.award(1, "cộng"):task(OWNER, "việc")
