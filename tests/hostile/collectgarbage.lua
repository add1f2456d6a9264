-- collectgarbage is blocked
-- expect: collectgarbage is blocked
collectgarbage("stop")
