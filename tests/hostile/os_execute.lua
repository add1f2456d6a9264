-- os.execute must not run a shell command
-- expect: os.execute is blocked
os.execute("touch pwned")
