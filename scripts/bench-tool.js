#!/usr/bin/env node
// scripts/bench-tool.js -- the glue between the peer-benchmark harness
// (../shared/bench-peers) and parindex, used by scripts/bench.sh:
//
//   convert UNITS.jsonl YEAR OUTDIR   the harness's units as parindex import files:
//                                     OUTDIR/units.csv (id,name,kind,parent) and
//                                     OUTDIR/facts.csv (unit,year,key,value,type);
//                                     a null fact (report not sent) has no row.
//   checksum RULEBOOK.json [DUMP]     reads a stored parindex run as tab-separated
//                                     rows on stdin (U unit total / C unit comp points /
//                                     D unit crit points reason), prints the harness's
//                                     CHECKSUM line and writes its per-unit dump.
//
// The checksum and dump follow the harness README ("Checksum"); the criterion
// order of the dump comes from the harness's generated rulebook.json.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');

function csvField(s) {
  s = String(s);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function typeOf(v) {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date' : 'text';
}

async function convert(jsonl, year, outdir) {
  fs.mkdirSync(outdir, { recursive: true });
  const units = fs.createWriteStream(path.join(outdir, 'units.csv'));
  const facts = fs.createWriteStream(path.join(outdir, 'facts.csv'));
  units.write('id,name,kind,parent\n');
  facts.write('unit,year,key,value,type\n');
  let nunits = 0, nfacts = 0, ubuf = [], fbuf = [];
  const rl = readline.createInterface({ input: fs.createReadStream(jsonl), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line) continue;
    const o = JSON.parse(line);
    ubuf.push(`${csvField(o.unit)},${csvField(o.unit_name || o.unit)},unit,`);
    for (const [k, v] of Object.entries(o)) {
      if (k === 'unit' || v === null) continue;
      fbuf.push(`${o.unit},${year},${k},${csvField(v)},${typeOf(v)}`);
      nfacts++;
    }
    if (++nunits % 1000 === 0) { units.write(ubuf.join('\n') + '\n'); facts.write(fbuf.join('\n') + '\n'); ubuf = []; fbuf = []; }
  }
  if (ubuf.length) units.write(ubuf.join('\n') + '\n');
  if (fbuf.length) facts.write(fbuf.join('\n') + '\n');
  await Promise.all([new Promise((r) => units.end(r)), new Promise((r) => facts.end(r))]);
  console.log(`UNITS ${nunits}\nFACTS ${nfacts}`);
}

async function checksum(rulebookJson, dump) {
  const rb = JSON.parse(fs.readFileSync(rulebookJson, 'utf8'));
  const order = Object.fromEntries(rb.criteria.map((c, i) => [c.id, i]));
  const byUnit = new Map();
  const get = (u) => {
    let r = byUnit.get(u);
    if (!r) byUnit.set(u, (r = { total: 0, comp: [], ded: [] }));
    return r;
  };
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const f = line.split('\t');
    if (f[0] === 'U') get(f[1]).total = Number(f[2]);
    else if (f[0] === 'C') get(f[1]).comp[Number(f[2]) - 1] = Number(f[3]);
    else if (f[0] === 'D') get(f[1]).ded.push({ crit: f[2], lost: Number(f[3]), reason: f.slice(4).join('\t') });
  }
  const MOD = 2147483647;
  const h = (s) => { let x = 0; for (const b of Buffer.from(s, 'utf8')) x = (x * 31 + b) % MOD; return x; };
  const ids = [...byUnit.keys()].sort();
  let sum = 0, weighted = 0, nded = 0, dcents = 0, rhash = 0;
  const lines = [];
  ids.forEach((id, i) => {
    const r = byUnit.get(id);
    sum += r.total;
    weighted += (i + 1) * r.total;
    r.ded.sort((a, b) => order[a.crit] - order[b.crit]);
    for (const d of r.ded) { nded++; dcents += d.lost; rhash = (rhash + h(`${d.crit}|${d.lost}|${d.reason}`)) % MOD; }
    lines.push([id, r.total, r.comp.join(','), ...r.ded.map((d) => `${d.crit}:${d.lost}:${d.reason}`)].join('\t'));
  });
  if (dump) fs.writeFileSync(dump, lines.join('\n') + '\n');
  console.log(`CHECKSUM units=${ids.length} total_cents=${sum} weighted=${weighted} deductions=${nded}` +
    ` deduction_cents=${dcents} reason_hash=${rhash} consistent=${dcents === ids.length * rb.max_cents - sum}`);
}

const [cmd, ...args] = process.argv.slice(2);
const run = cmd === 'convert' && args.length === 3 ? convert(...args)
  : cmd === 'checksum' && args.length >= 1 ? checksum(...args)
  : null;
if (!run) {
  console.error('usage: bench-tool.js convert UNITS.jsonl YEAR OUTDIR | checksum RULEBOOK.json [DUMP] < rows');
  process.exit(2);
}
run.catch((e) => { console.error(`bench-tool: ${e.message}`); process.exit(1); });
