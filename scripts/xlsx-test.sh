#!/usr/bin/env bash
# scripts/xlsx-test.sh [PARINDEX] -- the Excel files as an office worker uses
# them, read back with Python's openpyxl (Debian python3-openpyxl), not only
# checked for existence:
#   * facts template --format xlsx for Mường Tè 2022: every declared fact on
#     the sheet with its description, typed cells (numbers as numbers, dates
#     as dates), a frozen header, one sheet per list;
#   * imported back into a fresh store with the units and offices, the same
#     facts as the bundled data, and the published PAR index (tests/golden);
#   * --all-units: the wide form (a row per unit, a column per fact, frozen
#     header and unit column, typed numbers), imported back to the same facts
#     and the published index; a wide sheet as an office fills one in;
#   * a workbook written by openpyxl the way an office fills one in (a merged
#     title row above Vietnamese headers, a number typed as text with a
#     decimal comma, a date cell, "có"/"không", a date typed as text in a
#     list sheet): read as meant; a bad cell is named file:sheet!cell;
#   * rank, compare, tasks, explain and reconcile as workbooks: numbers as
#     numbers, the figures and totals of their JSON.
# Exits non-zero on any failure.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
P=${1:-$ROOT/build/parindex}
PY=/usr/bin/python3                       # Debian's, with python3-openpyxl
cd "$ROOT"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
fail() { echo "xlsx-test: $*" >&2; exit 1; }

"$P" --db "$W/all.db" import data/lai-chau >/dev/null
"$P" --db "$W/all.db" facts template --unit muong-te --year 2022 --format xlsx --out "$W/mt.xlsx" 2>/dev/null
"$PY" - "$W/mt.xlsx" <<'PYEOF' || fail "the template workbook is not what an office needs"
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Dữ kiện"]
rows = list(ws.iter_rows(values_only=True))
head, data = rows[0], rows[1:]
assert head[:4] == ("Mã đơn vị (unit)", "Năm (year)", "Mã dữ kiện (key)", "Giá trị (value)"), head
assert ws.freeze_panes == "A2", ws.freeze_panes
assert len(data) == 64, len(data)
col = {h.split("(")[-1].rstrip(")"): i for i, h in enumerate(head)}
for r in data:
    assert r[col["description"]], r                      # every declared fact is described
    assert r[col["office"]] and r[col["evidence"]], r
by = {r[col["key"]]: r for r in data}
assert by["ho_so_tra_qua_han"][col["value"]] == 51 and isinstance(by["ho_so_tra_qua_han"][col["value"]], int)
assert by["co_sang_kien_cchc_duoc_cong_nhan"][col["value"]] is False
assert by["ty_le_van_ban_dien_tu_ky_so"][col["measure"]] == "%"
assert sum(r[col["value"]] for r in data if r[col["type"]] in ("integer", "number")) > 0   # numbers sum
assert ws.column_dimensions["H"].width >= 40
lists = [s for s in wb.sheetnames if s != "Dữ kiện"]
assert len(lists) == 3, lists
bc = list(wb["bao_cao_khong_dung_han"].iter_rows(values_only=True))
assert len(bc) == 1 + 4, bc
assert bc[0][3] == "Tên báo cáo (ten)", bc[0]
assert bc[1][4] == datetime.datetime(2022, 6, 19), bc[1]
PYEOF

# back into a fresh store: the same facts, the published index
"$P" --db "$W/fresh.db" import data/lai-chau/units.json "$W/mt.xlsx" >/dev/null
q="SELECT key, type, value, source, note FROM facts WHERE unit='muong-te' AND year=2022 ORDER BY key"
[ "$(sqlite3 "$W/all.db" "$q")" = "$(sqlite3 "$W/fresh.db" "$q")" ] || fail "the imported workbook's facts differ from the data"
want=$("$PY" -c 'import json; print(("%.2f" % json.load(open("tests/golden/muong-te-published.json"))["years"]["2022"]["par_index"]).replace(".", ","))')
"$P" --db "$W/fresh.db" score --year 2022 --unit muong-te 2>/dev/null | grep -q "PAR INDEX *$want " ||
  fail "the imported workbook does not score the published $want"

# every unit's rows in one workbook (--all-units), wide: a row per unit, a column per fact
"$P" --db "$W/all.db" facts template --all-units --year 2022 --format xlsx --out "$W/all.xlsx" 2>/dev/null
"$PY" - "$W/all.xlsx" <<'PYEOF' || fail "the every-unit workbook is not what an office worker expects"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Dữ kiện"]
rows = list(ws.iter_rows(values_only=True))
head, types, data = rows[0], rows[1], rows[2:]
assert head[:4] == ("Mã đơn vị (unit)", "Năm (year)", "Nguồn, tài liệu (source)", "Ghi chú (note)"), head
assert ws.freeze_panes == "B3", ws.freeze_panes           # header (and types) row and unit column stay in view
assert types[0] == "Kiểu (type)", types
assert len(data) == 8 and data[0][0] == "muong-te", [r[0] for r in data]
col = {h.split("(")[-1].rstrip(")"): i for i, h in enumerate(head)}
assert len(col) == 4 + 64, len(col)                       # every declared fact has its column
assert head[col["ho_so_tra_qua_han"]].startswith("Số hồ sơ"), head[col["ho_so_tra_qua_han"]]
mt = data[0]
v = mt[col["ho_so_tra_qua_han"]]
assert v == 51 and isinstance(v, int), v                   # typed numbers
assert types[col["ho_so_tra_qua_han"]] == "integer"
v = mt[col["ty_le_van_ban_dien_tu_ky_so"]]
assert isinstance(v, float) and abs(v - 86.75) < 1e-9, v
assert mt[col["co_sang_kien_cchc_duoc_cong_nhan"]] is False
assert sum(r[col["ho_so_tra_qua_han"]] for r in data) > 51   # a column a spreadsheet can sum
assert str(mt[col["bao_cao_khong_dung_han"]]).startswith("→ trang tính"), mt[col["bao_cao_khong_dung_han"]]
nn = [r for r in data if r[0] == "nam-nhun"][0]
assert nn[col["source"]] and "minh họa" in nn[col["source"]], nn[col["source"]]   # its facts' one source
assert "Danh mục" in wb.sheetnames and len(list(wb["Danh mục"].iter_rows())) == 1 + 64
bc = list(wb["bao_cao_khong_dung_han"].iter_rows(values_only=True))
assert bc[0][:3] == ("Mã đơn vị (unit)", "Năm (year)", "Mã dữ kiện (key)") and bc[1][0] == "muong-te", bc[:2]
PYEOF
# imported back: the same facts (types and values; the wide form carries a source and a note per
# unit row, not per fact), the published index
"$P" --db "$W/all2.db" import data/lai-chau/units.json "$W/all.xlsx" >/dev/null
# (the district rulebook's form holds the districts; the communes have their own rulebook's form)
q="SELECT unit, key, type, value FROM facts WHERE year=2022 AND unit IN (SELECT id FROM units WHERE kind='district') ORDER BY unit, key"
[ "$(sqlite3 "$W/all.db" "$q")" = "$(sqlite3 "$W/all2.db" "$q")" ] || fail "--all-units: the imported facts differ"
[ "$(sqlite3 "$W/all2.db" "SELECT count(DISTINCT unit) FROM facts")" = 8 ] || fail "--all-units: not the 8 districts"
"$P" --db "$W/all2.db" score --year 2022 --unit muong-te 2>/dev/null | grep -q "PAR INDEX *$want " ||
  fail "the imported every-unit workbook does not score the published $want"
# the communes' form (their own rulebook's catalogue, illustrative): back to the same facts
"$P" --db "$W/all.db" facts template --kind commune --all-units --year 2022 --format xlsx --out "$W/com.xlsx" 2>/dev/null
"$P" --db "$W/com.db" import data/lai-chau/units.json "$W/com.xlsx" >/dev/null
q="SELECT unit, key, type, value FROM facts WHERE year=2022 AND unit IN (SELECT id FROM units WHERE kind='commune') ORDER BY unit, key"
[ "$(sqlite3 "$W/all.db" "$q" | wc -l)" = 144 ] && [ "$(sqlite3 "$W/all.db" "$q")" = "$(sqlite3 "$W/com.db" "$q")" ] ||
  fail "--kind commune --all-units: the imported facts differ"
"$PY" - "$W/com.xlsx" <<'PYEOF' || fail "the communes' form"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Dữ kiện"]
head = next(ws.iter_rows(values_only=True))
assert any(h and h.endswith("(ty_le_hai_long)") and "minh họa" in h for h in head), head
PYEOF
q="SELECT count(*) FROM facts WHERE year=2022 AND unit='nam-nhun' AND source LIKE '%minh họa%'"
[ "$(sqlite3 "$W/all2.db" "$q")" = 64 ] || fail "--all-units: a unit's one source was not carried"

# a wide sheet as an office fills it: text conversions as in the long form, a bad cell named
"$PY" - "$W/wide.xlsx" "$W/widebad.xlsx" <<'PYEOF'
import sys, datetime, openpyxl
for path, bad in ((sys.argv[1], False), (sys.argv[2], True)):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws.append(["Mã đơn vị (unit)", "Năm (year)", "Nguồn, tài liệu (source)", "Tỷ lệ (ty_le_van_ban_dien_tu_ky_so)",
               "Sáng kiến (co_sang_kien_cchc_duoc_cong_nhan)", "Ngày (ngay_ban_hanh_ke_hoach)", "Quá hạn (ho_so_tra_qua_han)"])
    ws.append(["Kiểu (type)", None, None, "number", "boolean", "date", "integer"])
    ws.append(["muong-te", 2022, "Thống kê", "86,75", "có", "12/01/2022", None])
    ws.append(["sin-ho", 2022, None, 90, "không", datetime.datetime(2022, 2, 3), "mười bảy" if bad else 4])
    ws.append(["tan-uyen", 2022, None, 91])
    ws["D4"].number_format = "#,##0"                    # a whole number shown as one: an integer
    wb.save(path)
PYEOF
"$P" --db "$W/wide.db" import data/lai-chau/units.json "$W/wide.xlsx" >/dev/null
w() { sqlite3 "$W/wide.db" "SELECT type || ' ' || value || ' ' || coalesce(source, '-') FROM facts WHERE unit='$1' AND key='$2'"; }
[ "$(w muong-te ty_le_van_ban_dien_tu_ky_so)" = "number 86.75 Thống kê" ] || fail "wide: $(w muong-te ty_le_van_ban_dien_tu_ky_so)"
[ "$(w muong-te co_sang_kien_cchc_duoc_cong_nhan)" = "boolean 1 Thống kê" ] || fail "wide: có"
[ "$(w muong-te ngay_ban_hanh_ke_hoach)" = "date 2022-01-12 Thống kê" ] || fail "wide: date as text"
[ "$(w sin-ho ngay_ban_hanh_ke_hoach)" = "date 2022-02-03 -" ] || fail "wide: date cell: $(w sin-ho ngay_ban_hanh_ke_hoach)"
[ "$(w sin-ho ho_so_tra_qua_han)" = "integer 4 -" ] || fail "wide: integer: $(w sin-ho ho_so_tra_qua_han)"
[ "$(w sin-ho ty_le_van_ban_dien_tu_ky_so)" = "integer 90 -" ] || fail "wide: #,##0: $(w sin-ho ty_le_van_ban_dien_tu_ky_so)"
[ "$(w tan-uyen ty_le_van_ban_dien_tu_ky_so)" = "number 91.0 -" ] || fail "wide: General: $(w tan-uyen ty_le_van_ban_dien_tu_ky_so)"
[ -z "$(w muong-te ho_so_tra_qua_han)" ] || fail "wide: an empty cell was imported"
if "$P" --db "$W/wide2.db" import data/lai-chau/units.json "$W/widebad.xlsx" 2>"$W/err" >/dev/null; then fail "a bad wide sheet was imported"; fi
grep -q "widebad.xlsx:Tổng hợp!G4: value: 'mười bảy' is not a number" "$W/err" || fail "wide message: $(cat "$W/err")"

# an office's own workbook
"$PY" - "$W/office.xlsx" <<'PYEOF'
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Biểu mẫu"
ws.append(["BIỂU MẪU DỮ KIỆN CHỈ SỐ CCHC NĂM 2022"])
ws.merge_cells("A1:F1")                                 # a title above the header
ws.append(["Mã đơn vị", "Năm", "Mã dữ kiện", "Giá trị", "Kiểu", "Nguồn"])
ws.append(["muong-te", 2022, "ty_le_van_ban_dien_tu_ky_so", "86,75", "number", "Thống kê hệ thống QLVB"])
ws.append([None, 2022, "co_sang_kien_cchc_duoc_cong_nhan", "có", "boolean", "Quyết định công nhận"])
ws.append([None, 2022, "ngay_ban_hanh_ke_hoach", datetime.datetime(2022, 1, 12), None, "Kế hoạch số 05/KH-UBND"])
ws.append([None, 2022, "ho_so_tra_qua_han", None, "integer", None])       # not filled in
ws.merge_cells("A3:A6")                                 # the unit written once for its rows
ls = wb.create_sheet("Báo cáo chậm")
ls.append(["Mã đơn vị (unit)", "Năm (year)", "Mã dữ kiện (key)", "Tên báo cáo (ten)", "Hạn (han)", "Gửi (gui)"])
ls.append(["muong-te", 2022, "bao_cao_khong_dung_han", "Báo cáo quý II", "19/06/2022", datetime.datetime(2022, 6, 24)])
wb.save(sys.argv[1])
PYEOF
"$P" --db "$W/office.db" import data/lai-chau/units.json "$W/office.xlsx" >/dev/null
v() { sqlite3 "$W/office.db" "SELECT type || ' ' || value FROM facts WHERE unit='muong-te' AND key='$1'"; }
[ "$(v ty_le_van_ban_dien_tu_ky_so)" = "number 86.75" ] || fail "decimal comma: $(v ty_le_van_ban_dien_tu_ky_so)"
[ "$(v co_sang_kien_cchc_duoc_cong_nhan)" = "boolean 1" ] || fail "có: $(v co_sang_kien_cchc_duoc_cong_nhan)"
[ "$(v ngay_ban_hanh_ke_hoach)" = "date 2022-01-12" ] || fail "date cell: $(v ngay_ban_hanh_ke_hoach)"
[ -z "$(v ho_so_tra_qua_han)" ] || fail "an empty value was imported"
[ "$(v bao_cao_khong_dung_han)" = 'list [{"ten":"Báo cáo quý II","han":"2022-06-19","gui":"2022-06-24"}]' ] ||
  fail "list sheet: $(v bao_cao_khong_dung_han)"

# a bad cell is named file:sheet!cell, and nothing is imported
"$PY" - "$W/bad.xlsx" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Dữ kiện"
ws.append(["unit", "year", "key", "value", "type"])
ws.append(["muong-te", 2022, "ho_so_tra_qua_han", 3, "integer"])
ws.append(["muong-te", 2022, "tong_so_co_quan_xa", "mười bảy", "integer"])
wb.save(sys.argv[1])
PYEOF
if "$P" --db "$W/office.db" import "$W/bad.xlsx" 2>"$W/err"; then fail "a bad workbook was imported"; fi
grep -q "bad.xlsx:Dữ kiện!D3: value: 'mười bảy' is not a number" "$W/err" || fail "message: $(cat "$W/err")"
[ "$(v ho_so_tra_qua_han)" = "" ] || fail "a refused import left facts behind"
if "$P" --db "$W/office.db" import "$ROOT/README.md.xlsx" 2>/dev/null; then fail "a missing workbook was imported"; fi
cp "$ROOT/data/lai-chau/units.json" "$W/notzip.xlsx"
"$P" --db "$W/office.db" import "$W/notzip.xlsx" 2>"$W/err" && fail "a file that is not a workbook was imported"
grep -q "notzip.xlsx: not an .xlsx workbook" "$W/err" || fail "message: $(cat "$W/err")"
# rank, compare, tasks and explain as workbooks
"$P" --db "$W/all.db" rank --year 2022 --format xlsx --out "$W/rank.xlsx"
"$P" --db "$W/all.db" compare --unit muong-te --from 2021 --to 2022 --format xlsx --out "$W/cmp.xlsx"
"$P" --db "$W/all.db" tasks --unit muong-te --year 2022 --format xlsx --out "$W/tasks.xlsx"
"$P" --db "$W/all.db" explain --unit muong-te --year 2022 --format xlsx --out "$W/explain.xlsx" --lang en
"$P" --db "$W/all.db" rank --year 2022 --kind district --format json >"$W/rank.json"
"$P" --db "$W/all.db" tasks --unit muong-te --year 2022 --format json >"$W/tasks.json"
"$PY" - "$W" <<'PYEOF' || fail "rank, compare, tasks or explain as xlsx"
import sys, json, openpyxl
w = sys.argv[1]
wb = openpyxl.load_workbook(w + "/rank.xlsx")
assert wb.sheetnames == ["2022 district", "2022 commune"], wb.sheetnames   # a sheet per kind
xa = list(wb["2022 commune"].iter_rows(values_only=True))
assert len(xa) == 1 + 14 and all(r[9] == "commune" and r[10] == "muong-te" for r in xa[1:]), xa[:2]
ws = wb["2022 district"]
rows = list(ws.iter_rows(values_only=True))
assert rows[0][:4] == ("Năm", "Hạng", "Mã đơn vị", "Đơn vị") and rows[0][6] == "PAR INDEX", rows[0]
assert ws.freeze_panes == "A2"
js = json.load(open(w + "/rank.json"))["units"]
assert [r[2] for r in rows[1:]] == [u["unit"] for u in js]
total = sum(r[6] for r in rows[1:])                          # numbers a spreadsheet can sum
assert abs(total - sum(u["par_index"] for u in js)) < 1e-6, total
assert ws["G2"].number_format == "0.00" and isinstance(ws["G2"].value, float)
mt = [r for r in rows[1:] if r[2] == "muong-te"][0]
assert mt[1] == 7 and abs(mt[6] - 65.84) < 1e-9, mt
ws = openpyxl.load_workbook(w + "/cmp.xlsx").active
rows = list(ws.iter_rows(values_only=True))
par = [r for r in rows if r[1] == "PAR INDEX"][0]
assert abs(par[2] - 65.42) < 1e-9 and abs(par[5] - 65.84) < 1e-9 and abs(par[8] - 0.42) < 1e-9, par
c7 = [r for r in rows if r[0] == "7"][0]
assert abs(c7[8] - -25.04) < 1e-9, c7
wb = openpyxl.load_workbook(w + "/tasks.xlsx")
offices = [o["office"] for o in json.load(open(w + "/tasks.json"))["offices"]]
assert wb.sheetnames == offices, (wb.sheetnames, offices)                 # one sheet per office
for ws in wb:
    assert ws.freeze_panes == "A2"
    assert all(isinstance(r[3], (int, float)) for r in list(ws.iter_rows(values_only=True))[1:])
ws = openpyxl.load_workbook(w + "/explain.xlsx").active
rows = list(ws.iter_rows(values_only=True))
assert rows[0][:3] == ("Component", "Criterion", "Name"), rows[0]
ded = [r for r in rows[1:] if r[1] == "1.3"]
assert ded and abs(ded[0][5] - 0.43) < 1e-9 and "4/17" in ded[0][6], ded
assert rows[0][9] == "Achieved", rows[0]
well = [r for r in rows[1:] if r[1] == "8.3"]
assert well and well[0][9] == "Tổng thu NSNN trên địa bàn 67.279/58.000 triệu đồng, đạt 116%, vượt chỉ tiêu kế hoạch giao", well
PYEOF

# reconcile as a workbook: a row per criterion, numbers with 2 decimals, totals = the JSON's
"$P" --db "$W/all.db" self-assess data/lai-chau/tu-danh-gia/muong-te-2022.json >/dev/null
"$P" --db "$W/all.db" reconcile --unit muong-te --year 2022 --format xlsx --out "$W/rec.xlsx"
"$P" --db "$W/all.db" reconcile --unit muong-te --year 2022 --format xlsx --out "$W/rec-en.xlsx" --lang en
"$P" --db "$W/all.db" reconcile --unit muong-te --year 2022 --format json >"$W/rec.json"
"$PY" - "$W" <<'PYEOF' || fail "reconcile as xlsx"
import sys, json, openpyxl
w = sys.argv[1]
js = json.load(open(w + "/rec.json"))
ws = openpyxl.load_workbook(w + "/rec.xlsx", data_only=True).active
rows = list(ws.iter_rows(values_only=True))
assert rows[0][1:7] == ("Tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định",
                        "Chênh lệch (thẩm định - tự chấm)"), rows[0]
assert ws.freeze_panes == "A2"
n = len(js["criteria"])
data = rows[1:1 + n]
assert [r[1] for r in data] == [c["criterion"] for c in js["criteria"]]
for r, c in zip(data, js["criteria"]):
    assert isinstance(r[5], (int, float)) and abs(r[5] - c["appraised"]) < 1e-9, (r, c["appraised"])
    if c["self"] is None: assert r[4] is None and r[6] is None, r
    else: assert abs(r[4] - c["self"]) < 1e-9 and abs(r[6] - c["difference"]) < 1e-9, r
assert ws["E2"].number_format == "0.00"
r13 = [r for r in data if r[1] == "1.3"][0]
assert r13[7].startswith("−0,43 Kiểm tra CCHC 4/17") and "tong_so_co_quan_xa = 17" in r13[8] and "42/KH-UBND" in r13[9], r13
tot = rows[1 + n]
assert tot[2].startswith("Tổng các tiêu chí đơn vị tự chấm"), tot
assert [round(v, 2) for v in tot[4:7]] == [js["self_total"], js["appraised_total"], js["difference"]], (tot, js)
f = openpyxl.load_workbook(w + "/rec.xlsx").active
assert f.cell(row=2 + n, column=5).value.startswith("=SUM(E2:E"), f.cell(row=2 + n, column=5).value   # formulas
en = openpyxl.load_workbook(w + "/rec-en.xlsx").active
assert next(en.iter_rows(values_only=True))[4] == "Self-assessed"
PYEOF

# the decision's table of results as an office types it (parindex published): a merged title
# row, titled columns, totals as number cells (82.1 is stored as 82.09999...) and one typed as
# text with a decimal comma; read as published, with the report's ranking from it
"$PY" - "$W/decision.xlsx" "$W/decision-bad.xlsx" <<'PYEOF'
import sys, openpyxl
for path, bad in ((sys.argv[1], False), (sys.argv[2], True)):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Phụ lục"
    ws["A1"] = "KẾT QUẢ CHỈ SỐ CCHC NĂM 2022 CỦA UBND CÁC HUYỆN, THÀNH PHỐ"; ws.merge_cells("A1:D1")
    ws.append(["Mã đơn vị (unit)", "Tên đơn vị (name)", "Tổng điểm (total)", "Xếp hạng (rank)"])
    ws.append(["thanh-pho-lai-chau", "Thành phố Lai Châu", 82.1, 1])
    ws.append(["tam-duong", "Huyện Tam Đường", "77,31", 2])
    ws.append(["muong-te", None, 65.84, 7])
    ws.append(["sin-ho", "Huyện Sìn Hồ", 63.025 if bad else 63.02, 8])
    wb.save(path)
PYEOF
"$P" --db "$W/dec.db" import data/lai-chau/units.json data/lai-chau/muong-te-2022.json >/dev/null
"$P" --db "$W/dec.db" published "$W/decision.xlsx" --year 2022 --kind district --decision 701/QĐ-UBND \
  --date 2023-05-24 --units 8 >/dev/null
"$P" --db "$W/dec.db" published --list --format json >"$W/dec.json"
"$PY" - "$W/dec.json" <<'PYEOF' || fail "the decision's workbook is not read as published"
import sys, json
d = json.load(open(sys.argv[1]))
assert len(d) == 1 and d[0]["decision"]["number"] == "701/QĐ-UBND" and d[0]["units"] == 8, d
got = [(r["unit"], r["total"], r["rank"]) for r in d[0]["results"]]
assert got == [("thanh-pho-lai-chau", 82.1, 1), ("tam-duong", 77.31, 2), ("muong-te", 65.84, 7), ("sin-ho", 63.02, 8)], got
assert d[0]["results"][2]["name"] == "Huyện Mường Tè", "the store's name of a unit the table leaves unnamed"
PYEOF
"$P" --db "$W/dec.db" report --unit muong-te --year 2022 >"$W/dec.md"
grep -q '| 1 | Thành phố Lai Châu | 82,10 |' "$W/dec.md" || fail "the report's ranking is not the decision's"
if "$P" --db "$W/dec.db" published "$W/decision-bad.xlsx" --year 2021 --kind district 2>"$W/dec.err"; then
  fail "a total with three decimals was taken"
fi
grep -q 'decision-bad.xlsx:Phụ lục!A6: total' "$W/dec.err" || fail "the bad total is not named by its cell: $(cat "$W/dec.err")"

echo "xlsx-test: the template, its import, an office's workbook, rank, compare, tasks, explain, reconcile and a decision's table read back as meant"
