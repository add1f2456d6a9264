-- os.remove must not delete the store
-- expect: os.remove is blocked
os.remove("store.db")
