// Top self-time functions and modules of a V8 .cpuprofile (as written by `node --cpu-prof`).
// Run: npx tsx bench/cpuprofile-summary.ts FILE.cpuprofile [--last SECONDS] [--top N] [--callers FUNCTION] [--inclusive F1,F2]
import fs from 'node:fs';
import { parseArgs } from 'node:util';

type Frame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: Frame; children?: number[] };
type Profile = {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};

/** Groups a script address by package (node_modules), source file (src/…) or Node's own code. */
export function moduleOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node (internal)';
  // The only WebAssembly in the server is PGlite's PostgreSQL.
  if (url.startsWith('wasm://')) return '(wasm: PGlite PostgreSQL)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  const src = url.indexOf('/src/');
  return src >= 0 ? url.slice(src + 1) : url;
}

export type Summary = { totalMs: number; functions: [string, number][]; modules: [string, number][] };

/** Self time per function and per module over the last `lastSeconds` of the profile (all when 0). */
export function summarise(profile: Profile, lastSeconds = 0): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  const from = lastSeconds > 0 ? profile.endTime - lastSeconds * 1e6 : Number.NEGATIVE_INFINITY;
  let t = profile.startTime;
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    const node = byId.get(profile.samples[i] ?? -1);
    if (!node || t < from) continue;
    const ms = dt / 1000;
    const f = node.callFrame;
    const mod = moduleOf(f.url, f.functionName);
    const fn = `${f.functionName || '(anonymous)'}  ${mod}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    modules.set(mod, (modules.get(mod) ?? 0) + ms);
    totalMs += ms;
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalMs, functions: top(functions), modules: top(modules) };
}

/** The call paths (innermost first, `depth` frames) under which `functionName` spent its self time. */
export function callers(
  profile: Profile,
  functionName: string,
  depth = 8,
  lastSeconds = 0,
): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const paths = new Map<string, number>();
  const from = lastSeconds > 0 ? profile.endTime - lastSeconds * 1e6 : Number.NEGATIVE_INFINITY;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    let id = profile.samples[i];
    if (t < from || id === undefined || byId.get(id)?.callFrame.functionName !== functionName) continue;
    const frames: string[] = [];
    while (id !== undefined && frames.length < depth) {
      const f = byId.get(id)?.callFrame;
      if (f)
        frames.push(
          `${f.functionName || '(anonymous)'} ${moduleOf(f.url, f.functionName)}:${f.lineNumber + 1}`,
        );
      id = parent.get(id);
    }
    const key = frames.join(' < ');
    paths.set(key, (paths.get(key) ?? 0) + dt / 1000);
  }
  return [...paths].sort((a, b) => b[1] - a[1]);
}

/** Time of the samples with `functionName` anywhere on the stack (total, not self, time). */
export function inclusive(profile: Profile, functionName: string, lastSeconds = 0): number {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const from = lastSeconds > 0 ? profile.endTime - lastSeconds * 1e6 : Number.NEGATIVE_INFINITY;
  let t = profile.startTime;
  let ms = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < from) continue;
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      if (byId.get(id)?.callFrame.functionName === functionName) {
        ms += dt / 1000;
        break;
      }
    }
  }
  return ms;
}

export function printSummary(s: Summary, top: number): void {
  const line = ([name, ms]: [string, number]) =>
    `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / s.totalMs).toFixed(1).padStart(5)} %  ${name}`;
  console.log(`sampled ${(s.totalMs / 1000).toFixed(1)} s; top modules by self time:`);
  for (const m of s.modules.slice(0, top)) console.log(line(m));
  console.log('top functions by self time:');
  for (const f of s.functions.slice(0, top)) console.log(line(f));
}

if (process.argv[1]?.endsWith('cpuprofile-summary.ts')) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      last: { type: 'string', default: '0' },
      top: { type: 'string', default: '25' },
      callers: { type: 'string' },
      inclusive: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: cpuprofile-summary.ts FILE.cpuprofile [--last SECONDS] [--top N]');
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  if (values.inclusive) {
    for (const name of values.inclusive.split(','))
      console.log(`${inclusive(profile, name, Number(values.last)).toFixed(0).padStart(7)} ms  ${name}`);
  } else if (values.callers) {
    for (const [path, ms] of callers(profile, values.callers, 10, Number(values.last)).slice(
      0,
      Number(values.top),
    ))
      console.log(`${ms.toFixed(0).padStart(7)} ms  ${path}`);
  } else printSummary(summarise(profile, Number(values.last)), Number(values.top));
}
