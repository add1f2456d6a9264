---@meta parindex
-- The rule API of parindex, for the Lua language server (LuaLS, the "Lua"
-- extension of VS Code): autocompletion, hover help and misuse warnings.
-- This file is never loaded by parindex (the loader reads only *.lua files
-- directly in a rulebook folder, not sub-folders). .luarc.json at the
-- repository root points LuaLS here. Keep it in step with rules/README.md.

---@class parindex.Index
---@field name string         full name of the index
---@field total number        the components' maxima must sum to this (100)
---@field appraisal string[]  ids of the appraisal components (điểm thẩm định)
---@field survey string[]     ids of the survey components (điều tra xã hội học)
---@field illustrative? string why the rulebook is not a real methodology
---@field bonus_cap? number    all bonus items together give at most this (default: no cap)
---@field penalty_cap? number  all penalty items together take at most this (default: no cap)
---@field exceed_total? boolean true: a bonus may lift the index above total (default false: 0 .. total)

---@class parindex.Component
---@field name string
---@field max number          at most two decimals
---@field owner string        office id (must exist in the store's offices)

---@class parindex.Criterion
---@field name string
---@field max number          at most two decimals; a component's criteria sum to its max
---@field owner string        office id
---@field component? string   default: the id before the first '.'
---@field basis? string       the methodology text shown by `explain`
---@field params? table       numbers, strings, booleans, dates or tables; read-only in score
---@field score fun(u: parindex.Unit, p: table)
---@field when_not_applicable? "rescale"|"full"  what u.na means: left out and rescaled (default), or full points

---@class parindex.Extra
---@field name string
---@field max number          the item gives (takes) at most this; at most two decimals
---@field owner string        office id
---@field basis? string
---@field params? table
---@field score fun(u: parindex.Unit, p: table)

---Declare a bonus item (điểm thưởng): its score records points with u.award.
---@param id string
---@return fun(t: parindex.Extra)
function bonus(id) end

---Declare a penalty item (điểm trừ): its score records points with u.lose (and :task).
---@param id string
---@return fun(t: parindex.Extra)
function penalty(id) end

---Declare the index (exactly one per rulebook).
---@param t parindex.Index
function index(t) end

---Declare a component: `component "1" { name = ..., max = 13.5, owner = "noi-vu" }`.
---@param id string
---@return fun(t: parindex.Component)
function component(id) end

---Declare a criterion: `criterion "1.1" { name = ..., max = 2, owner = ..., score = function(u, p) ... end }`.
---@param id string
---@return fun(t: parindex.Criterion)
function criterion(id) end

---Extend another rulebook (relative to this file's folder) and state only what changed. First, once.
---Rating bands (xếp loại): a unit gets the band with the highest `min` its PAR index reaches.
---At most one per rulebook; shown by `rank`, `compare` and `report`.
---@param t { min: number, name: string }[]
function bands(t) end

---@param path string  e.g. "../2022"
function extends(path) end

---Change the index of the extended rulebook (name, total, appraisal, survey).
---@param t table
function change_index(t) end

---Change a component of the extended rulebook: `change_component "1" { max = 14 }` (name, max, owner).
---@param id string
---@return fun(t: table)
function change_component(id) end

---Change a criterion: name, max, owner, component, basis, params (merged key by key), score.
---@param id string
---@return fun(t: table)
function change_criterion(id) end

---Replace a criterion of the extended rulebook with a whole new declaration.
---@param id string
---@return fun(t: parindex.Criterion)
function replace_criterion(id) end

---Remove a criterion of the extended rulebook.
---@param id string
function remove_criterion(id) end

---Remove a component of the extended rulebook (none of its criteria may be left).
---@param id string
function remove_component(id) end

---@class parindex.FactField
---@field name string            the record field's name
---@field type "integer"|"number"|"boolean"|"text"|"date"
---@field description string     Vietnamese
---@field optional? boolean      a record may leave it out

---@class parindex.Fact
---@field type "integer"|"number"|"boolean"|"text"|"date"|"list"
---@field description string     Vietnamese: what the office reports
---@field measure? string        the unit of measure ("hồ sơ", "%", "triệu đồng")
---@field min? number            the allowed range (integer and number facts)
---@field max? number
---@field office string          the office that supplies it (office id)
---@field evidence string        the document that proves it (tài liệu kiểm chứng)
---@field optional? boolean      a unit may not have it (read with u.has or a default)
---@field fields? parindex.FactField[]  a list: its records' fields, in order

---Declare a fact the rules read (the catalogue of facts).
---@param key string
---@return fun(t: parindex.Fact)
function fact(key) end

---Change a declared fact of the extended rulebook: any field of fact { ... }.
---@param key string
---@return fun(t: table)
function change_fact(key) end

---Remove a declared fact of the extended rulebook.
---@param key string
function remove_fact(key) end

---@class parindex.UnitInfo
---@field id string
---@field name string
---@field kind string
---@field parent? string

---@class parindex.Deduction
local Deduction = {}

---The criterion's owner office, whoever it is in this rulebook: `:task(OWNER, ...)`.
---Changing the owner (`change_criterion "1.3" { owner = ... }`) moves such tasks.
---@type lightuserdata
OWNER = nil

---The lead office's task (chủ trì), once per deduction and first: the lead is credited the
---deduction's points. The text is formatted like string.format (Vietnamese numbers).
---@param office string|lightuserdata  an office id, or OWNER
---@param fmt string
---@param ... any
---@return parindex.Deduction
function Deduction:task(office, fmt, ...) end

---A co-operating office's task (phối hợp), after :task; credited no points.
---@param office string|lightuserdata  an office id, or OWNER
---@param fmt string
---@param ... any
---@return parindex.Deduction
function Deduction:support(office, fmt, ...) end

---The effort its tasks take (a whole number from 1 to 100; default 1): `plan` then finds
---the set of tasks of least total effort instead of the fewest tasks.
---@param n integer
---@return parindex.Deduction
function Deduction:effort(n) end

---Name the facts behind this deduction (instead of those read so far).
---@param ... string fact keys
---@return parindex.Deduction
function Deduction:facts(...) end

---@class parindex.Unit
---@field unit parindex.UnitInfo  the unit being scored
---@field year integer            the assessment year
local Unit = {}

---A fact's value (number, integer, boolean, date or text). Errors when absent unless a default is given.
---@param key string
---@param default? any
---@return any
function Unit.fact(key, default) end

---Does the unit have this fact for the year?
---@param key string
---@return boolean
function Unit.has(key) end

---A list fact: a read-only list of read-only records.
---@param key string
---@param default? table
---@return table[]
function Unit.records(key, default) end

---Deduct points (capped so the criterion never goes below 0) with a reason (format string).
---@param points number
---@param fmt string
---@param ... any
---@return parindex.Deduction
function Unit.lose(points, fmt, ...) end

---In a bonus only: award points with a reason (format string); capped by the item's max,
---the index's bonus_cap and (unless exceed_total) the index's total.
---@param points number
---@param fmt string
---@param ... any
---@return parindex.Deduction
function Unit.award(points, fmt, ...) end

---State what the unit achieved under this criterion, from its facts (the report's "Kết quả đạt được").
---Gives or takes no points; kept in the ledger with its facts and rule line.
---@param fmt string
---@param ... any
---@return parindex.Statement
function Unit.achieved(fmt, ...) end

---A statement of what was achieved, as u.achieved returns it.
---@class parindex.Statement
local Statement = {}

---Name the facts behind this statement (default: every fact the criterion has read so far).
---@param ... string
---@return parindex.Statement
function Statement:facts(...) end

---Mark the criterion not applicable (its component is rescaled; full points with
---when_not_applicable = "full").
---@param fmt string
---@param ... any
function Unit.na(fmt, ...) end

---A date value: date("2022-06-19") or date(2022, 6, 19). Dates compare and subtract (days).
---@param y string|integer
---@param m? integer
---@param d? integer
---@return any
function date(y, m, d) end

---string.format with Vietnamese numbers (decimal comma) and dates (dd/mm/yyyy).
---@param f string
---@param ... any
---@return string
function fmt(f, ...) end

---A number as Vietnamese text: vn(65.84) == "65,84".
---@param x number
---@param decimals? integer
---@return string
function vn(x, decimals) end

---A whole number with dots between thousands: thousands(3349) == "3.349".
---@param n integer
---@return string
function thousands(n) end

---Round half up to two decimals.
---@param x number
---@return number
function round2(x) end

---Linear scaling: 0 at `lo`, `max` at `hi` (and above), rounded to two decimals.
---@param x number
---@param lo number
---@param hi number
---@param max number
---@return number
function linear(x, lo, hi, max) end

---Threshold steps: the points of the first { threshold, points } with x >= threshold, else 0.
---@param x number
---@param levels table
---@return number
function steps(x, levels) end

---100 * part / whole (not rounded), or nil when whole is 0.
---@param part number
---@param whole number
---@return number|nil
function percent(part, whole) end

---Tests beside the rules (`parindex rules test`): test "name" { facts = {...}, criterion = "1.1", points = 2 }.
---Expect one of: points = N; na = true; deduction = { points = N, reason = "piece" }; or component = "2", points = N.
---A criterion test may add (or expect only) achieved = "piece": a statement of u.achieved holds it.
---@param name string
---@return fun(t: table)
function test(name) end

---A copy of `base` with `changes` applied (for test facts).
---@param base table
---@param changes? table
---@return table
function with(base, changes) end
