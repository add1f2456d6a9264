-- reading an undefined global is an error, not a silent nil
-- expect: undefined global 'nosuch'
local y = nosuch + 1
