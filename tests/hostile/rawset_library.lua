-- rawset on a shared table is blocked
-- expect: rawset is blocked
rawset(string, "upper", nil)
