-- debug.sethook would remove the instruction budget
-- expect: debug.sethook is blocked
debug.sethook()
