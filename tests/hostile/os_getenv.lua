-- the environment is not readable
-- expect: os.getenv is blocked
local h = os.getenv("HOME")
