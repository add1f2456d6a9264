-- a bonus whose score raises an error: the whole path, the line and the item
-- in: bonus
-- expect: boom in a bonus
error("boom in a bonus")
