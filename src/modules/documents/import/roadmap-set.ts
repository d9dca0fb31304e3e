import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Truth } from './accuracy.js';

// The measured roadmap test set: every `<name>.{txt,docx,pdf}` next to a `<name>.json` truth in
// tests/fixtures/roadmaps/ (synthetic documents) and tests/fixtures/roadmaps/seeds/ (truth of the real
// seeds, whose documents are in seeds/). Read by the accuracy test and bench/roadmap-accuracy.ts.

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const SET_DIR = path.join(ROOT, 'tests/fixtures/roadmaps');
const SEEDS_TRUTH = path.join(SET_DIR, 'seeds');
const SEEDS_DIR = path.join(ROOT, 'seeds');
const FORMATS = ['txt', 'docx', 'pdf'] as const;

export type SetDocument = { name: string; format: string; file: string; truth: Truth; seed: boolean };

function documentsIn(truthDir: string, docDirs: string[], seed: boolean): SetDocument[] {
  if (!existsSync(truthDir)) return [];
  const out: SetDocument[] = [];
  for (const f of readdirSync(truthDir).sort()) {
    if (!f.endsWith('.json')) continue;
    const name = f.slice(0, -'.json'.length);
    const truth = JSON.parse(readFileSync(path.join(truthDir, f), 'utf8')) as Truth;
    for (const format of FORMATS) {
      const file = docDirs.map((d) => path.join(d, `${name}.${format}`)).find((p) => existsSync(p));
      if (file) out.push({ name, format, file, truth, seed });
    }
  }
  return out;
}

export function roadmapSet(dir?: string): SetDocument[] {
  if (dir) return documentsIn(dir, [dir], false);
  return [
    ...documentsIn(SEEDS_TRUTH, [SEEDS_TRUTH, SEEDS_DIR], true),
    ...documentsIn(SET_DIR, [SET_DIR], false),
    // PDFs printed the way authorities print them (tables without borders or with horizontal rules only).
    ...documentsIn(path.join(SET_DIR, 'pdf'), [path.join(SET_DIR, 'pdf')], false),
  ];
}
