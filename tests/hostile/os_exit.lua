-- os.exit must not end the process (with exit 0)
-- expect: os.exit is blocked
os.exit(0)
