-- docx-batch.lua -- a pandoc Lua filter that turns many documents into Word
-- files in one pandoc process (parindex report --format docx; README, "Word
-- documents"). pandoc runs it on an empty document; it then reads jobs from
-- its standard input, one a line, "JSON<TAB>DOCX": the document in pandoc's
-- JSON model, converted with the writer options pandoc was started with (the
-- reference document of Nghị định 30), written to DOCX. For each job it
-- answers one line on standard output: "ok", or "fail MESSAGE". It stops at
-- the end of its input. Needs pandoc 2.17 or later (pandoc.write).

local function convert(src, dst)
  local f = assert(io.open(src, "rb"))
  local json = f:read("a")
  f:close()
  local docx = pandoc.write(pandoc.read(json, "json"), "docx", PANDOC_WRITER_OPTIONS)
  local g = assert(io.open(dst, "wb"))
  assert(g:write(docx))
  assert(g:close())
end

local function serve(doc)
  for line in io.stdin:lines() do
    local src, dst = line:match("^([^\t]+)\t([^\t]+)$")
    local ok, err = false, "not a job: " .. line
    if src then ok, err = pcall(convert, src, dst) end
    io.stdout:write(ok and "ok\n" or ("fail " .. tostring(err):gsub("%s+", " ") .. "\n"))
    io.stdout:flush()
  end
  return doc
end

return {{Pandoc = serve}}
