-- io.lines must not read a file
-- expect: io.lines is blocked
for l in io.lines("/etc/passwd") do end
