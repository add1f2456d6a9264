-- luacheck configuration for parindex rulebooks (used by `parindex rules check`).
-- Rule files run in a sandbox: Lua 5.4 with string, table, math, utf8 and a
-- few base functions, plus the rule API below. Everything else is an error.
std = "lua54"
max_line_length = false          -- Vietnamese texts are long; not a defect

-- what the sandbox blocks (see rules/README.md, "The sandbox")
not_globals = { "print", "load", "loadfile", "dofile", "require", "pcall", "xpcall",
                "collectgarbage", "setmetatable", "getmetatable", "rawset",
                "os", "io", "package", "debug", "coroutine" }

read_globals = {
  -- declarations
  "index", "component", "criterion", "bands", "bonus", "penalty",
  -- yearly inheritance
  "extends", "change_index", "change_component", "change_criterion", "replace_criterion",
  "remove_criterion", "remove_component",
  "fact", "change_fact", "remove_fact",
  -- helpers
  "date", "fmt", "vn", "thousands", "round2", "linear", "steps", "percent",
  -- a task for the criterion's owner, whoever it is (`:task(OWNER, ...)`)
  "OWNER",
}

-- tests beside the rules: `parindex rules test`
files["**/*_test.lua"] = { read_globals = { "test", "with" } }
files["**/tests/*.lua"] = { read_globals = { "test", "with" } }
