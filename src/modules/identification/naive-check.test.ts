import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageFromRows } from '../assessment-data/from-rows.js';
import { readPackage } from '../assessment-data/read-package.js';
import { confirmationRows, contextRows, resultRows } from '../assessment-data/rows.js';
import type { DataPackage } from '../assessment-data/types.js';
import { writeGeneratedCsv } from '../assessment-data/write-package.js';
import { identifyYear } from './identify.js';

// A second, deliberately naive implementation of opora-default, written from the text of issue 4 with
// straight loops over the CSV lines and no code shared with identify.ts, compared flag by flag with
// identifyYear on a generated package of 2 000 schools and 5 years.

type Row = { proc: string; n: number; m2: number };
type Conf = { assessment: string; n: number; lowered: number; raised: number };

const INDICATORS: [string, number][] = [
  ['parents_higher_ed_share', 1],
  ['incomplete_families_share', -1],
  ['low_income_share', -1],
  ['watch_list_share', -1],
  ['non_native_russian_share', -1],
  ['ovz_share', -1],
];

function lines(file: string): string[][] {
  const text = readFileSync(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .slice(1)
    .map((l) => l.split(','));
}

function naiveLoad(dir: string) {
  const ids = lines(path.join(dir, 'schools.csv')).map((c) => c[0] as string);
  const results = new Map<string, Row[]>(); // "id|year" → rows
  for (const c of lines(path.join(dir, 'results.csv'))) {
    const key = `${c[0]}|${c[1]}`;
    const list = results.get(key) ?? [];
    list.push({ proc: `${c[2]}|${c[3]}|${c[4]}`, n: Number(c[5]), m2: Number(c[6]) });
    results.set(key, list);
  }
  const header = (readFileSync(path.join(dir, 'context.csv'), 'utf8').split('\n')[0] ?? '').split(',');
  const context = new Map<string, Map<string, number>>();
  for (const c of lines(path.join(dir, 'context.csv'))) {
    const values = new Map<string, number>();
    for (let i = 2; i < header.length; i++) {
      if (c[i] !== '' && c[i] !== undefined) values.set(header[i] as string, Number(c[i]));
    }
    context.set(`${c[0]}|${c[1]}`, values);
  }
  const confirmation = new Map<string, Conf[]>();
  for (const c of lines(path.join(dir, 'confirmation.csv'))) {
    const key = `${c[0]}|${c[1]}`;
    const list = confirmation.get(key) ?? [];
    list.push({ assessment: c[2] as string, n: Number(c[5]), lowered: Number(c[6]), raised: Number(c[8]) });
    confirmation.set(key, list);
  }
  return { ids, results, context, confirmation };
}

type Naive = ReturnType<typeof naiveLoad>;

function naiveYear(d: Naive, t: number) {
  const rows = (id: string, y: number) => d.results.get(`${id}|${y}`) ?? [];
  const lowProcs = (id: string, y: number) => {
    const out: string[] = [];
    for (const r of rows(id, y)) if (r.n >= 5 && r.m2 / r.n >= 0.3) out.push(r.proc);
    return out;
  };
  const shnor = (id: string, y: number) => {
    const now = lowProcs(id, y);
    if (now.length < 2) return false;
    const before = lowProcs(id, y - 1);
    for (const p of now) if (before.includes(p)) return true;
    return false;
  };

  // ИСБШ
  const zsum = new Map<string, number>();
  const zcount = new Map<string, number>();
  const available = new Map<string, number>();
  for (const [name, dir] of INDICATORS) {
    const vals: [string, number][] = [];
    for (const id of d.ids) {
      const v = d.context.get(`${id}|${t}`)?.get(name);
      if (v !== undefined) vals.push([id, v]);
    }
    for (const [id] of vals) available.set(id, (available.get(id) ?? 0) + 1);
    if (vals.length === 0) continue;
    let same = true;
    for (const [, v] of vals) if (v !== vals[0]?.[1]) same = false;
    if (same) continue;
    let sum = 0;
    for (const [, v] of vals) sum += v;
    const mean = sum / vals.length;
    let sq = 0;
    for (const [, v] of vals) sq += (v - mean) * (v - mean);
    const sd = Math.sqrt(sq / vals.length);
    for (const [id, v] of vals) {
      zsum.set(id, (zsum.get(id) ?? 0) + ((v - mean) / sd) * dir);
      zcount.set(id, (zcount.get(id) ?? 0) + 1);
    }
  }
  const isbsh = new Map<string, number>();
  for (const id of d.ids) {
    if ((available.get(id) ?? 0) >= 3 && (zcount.get(id) ?? 0) > 0) {
      isbsh.set(id, (zsum.get(id) ?? 0) / (zcount.get(id) ?? 1));
    }
  }
  const ranked = [...isbsh.keys()].sort((a, b) => {
    const x = isbsh.get(a) ?? 0;
    const y = isbsh.get(b) ?? 0;
    if (x < y) return -1;
    if (x > y) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const cluster = new Map<string, number>();
  ranked.forEach((id, i) => {
    cluster.set(id, Math.floor((4 * i) / ranked.length) + 1);
  });
  const shnsuLimit = isbsh.get(ranked[Math.ceil(0.2 * ranked.length) - 1] ?? '') ?? Number.NEGATIVE_INFINITY;

  // R and the resilient threshold
  const R = new Map<string, number>();
  for (const id of d.ids) {
    let s2 = 0;
    let sn = 0;
    for (const r of rows(id, t)) {
      if (r.n >= 5) {
        s2 += r.m2;
        sn += r.n;
      }
    }
    if (sn > 0) R.set(id, 1 - s2 / sn);
  }
  const desc = [...R.values()].sort((a, b) => b - a);
  const rLimit = desc[Math.ceil(0.25 * desc.length) - 1] ?? Number.POSITIVE_INFINITY;

  const out = new Map<string, { flags: Record<string, boolean>; low: string[] }>();
  for (const id of d.ids) {
    const isShnor = shnor(id, t);
    let risky = 0;
    for (const r of rows(id, t)) if (r.n >= 5 && r.m2 / r.n >= 0.2) risky++;
    const low = lowProcs(id, t);
    const x = isbsh.get(id);
    const shnsu = x !== undefined && x <= shnsuLimit;
    const r = R.get(id);
    let objectivity = false;
    for (const c of d.confirmation.get(`${id}|${t}`) ?? []) {
      if (c.assessment === 'ВПР' && c.n >= 10 && (c.raised / c.n > 0.15 || c.lowered / c.n > 0.5))
        objectivity = true;
    }
    out.set(id, {
      flags: {
        shnor: isShnor,
        shnsu,
        riskZone: !isShnor && (risky >= 2 || low.length >= 1),
        resilient: shnsu && r !== undefined && r >= rLimit,
        stagnation: isShnor && shnor(id, t - 1) && shnor(id, t - 2),
        repeat: isShnor && !shnor(id, t - 1) && (shnor(id, t - 2) || shnor(id, t - 3) || shnor(id, t - 4)),
        exit: shnor(id, t - 1) && !isShnor,
        objectivity,
      },
      low: low.sort(),
    });
  }
  return { flags: out, isbsh, cluster, R };
}

describe('identifyYear against a naive second implementation', () => {
  let dir = '';
  let pkg: DataPackage;
  let naive: Naive;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'opora-naive-'));
    writeGeneratedCsv({ schools: 2000, years: 5, seed: 20240, lastYear: 2024 }, dir);
    pkg = await readPackage(dir);
    naive = naiveLoad(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([2022, 2023, 2024])('gives the same flags, ИСБШ, clusters, R and low procedures for %i', (year) => {
    const mine = identifyYear(pkg, year);
    const theirs = naiveYear(naive, year);
    const mismatches: string[] = [];
    const seen: Record<string, number> = {};
    for (const s of mine.schools) {
      const n = theirs.flags.get(s.schoolId);
      if (!n) throw new Error(`naive has no ${s.schoolId}`);
      for (const [k, v] of Object.entries(s.flags)) {
        if (n.flags[k] !== v) mismatches.push(`${s.schoolId} ${k}: ${v} ≠ ${n.flags[k]}`);
        if (v) seen[k] = (seen[k] ?? 0) + 1;
      }
      const low = s.lowProcedures.map((p) => `${p.assessment}|${p.subject}|${p.grade}`).sort();
      if (low.join(';') !== n.low.join(';')) mismatches.push(`${s.schoolId} lowProcedures`);
      if (s.cluster !== (theirs.cluster.get(s.schoolId) ?? null)) mismatches.push(`${s.schoolId} cluster`);
      if (s.resultIndex !== (theirs.R.get(s.schoolId) ?? null)) mismatches.push(`${s.schoolId} R`);
      const x = theirs.isbsh.get(s.schoolId);
      if (
        (s.isbsh === null) !== (x === undefined) ||
        (x !== undefined && Math.abs((s.isbsh ?? 0) - x) > 1e-9)
      ) {
        mismatches.push(`${s.schoolId} isbsh`);
      }
    }
    expect(mismatches).toEqual([]);
    // The package exercises every flag (otherwise the comparison proves little).
    // (Data start in 2020: ШНОР is possible from 2021, stagnation from 2023, a repeat from 2024.)
    for (const k of ['shnor', 'shnsu', 'riskZone', 'resilient', 'exit', 'objectivity']) {
      expect(seen[k] ?? 0, k).toBeGreaterThan(0);
    }
    if (year >= 2023) expect(seen.stagnation ?? 0).toBeGreaterThan(0);
    if (year === 2024) expect(seen.repeat ?? 0).toBeGreaterThan(0);
  });

  it('gives bit-identical results whatever the order of schools and rows', () => {
    // A package read from the database arrives in another order than the file: nothing may change.
    const shuffled = packageFromRows({
      schools: [...pkg.schools].reverse(),
      results: [...resultRows(pkg)].reverse(),
      context: [...contextRows(pkg)].reverse(),
      confirmation: [...confirmationRows(pkg)].reverse(),
    });
    const year = 2024;
    const a = identifyYear(pkg, year).schools;
    const b = new Map(identifyYear(shuffled, year).schools.map((x) => [x.schoolId, x]));
    const differ = a.filter((x) => {
      const y = b.get(x.schoolId);
      return (
        !y ||
        y.isbsh !== x.isbsh ||
        y.resultIndex !== x.resultIndex ||
        y.cluster !== x.cluster ||
        JSON.stringify(y.flags) !== JSON.stringify(x.flags)
      );
    });
    expect(differ.map((x) => x.schoolId)).toEqual([]);
  });
});
