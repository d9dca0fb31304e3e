import type { ImportLevel } from './types.js';

// The level of management as documents write it: «Региональный», «региональный уровень», «Р», «М», «ОО»,
// «Школьный», «Уровень ОО», «На муниципальном уровне».

const LEVEL_WORDS: readonly (readonly [ImportLevel, RegExp])[] = [
  ['региональный', /^(р|рег|региональн[а-я]*|регион|субъект[а-я]*|роив)$/],
  ['муниципальный', /^(м|мун|муниципальн[а-я]*|муниципалитет|омсу|моу?о)$/],
  ['институциональный', /^(и|инст|институциональн[а-я]*|оо|оу|ш|школьн[а-я]*|школа|организаци[а-я]*)$/],
];

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[.,;:()«»"/–—-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^(уровень|уровня|уровне|управления|на|образовательн[а-я]*)$/.test(w));

export type LevelReading = { level: ImportLevel | null; several: boolean };

/** Reads a level cell; `several` when it names more than one level («региональный, муниципальный»). */
export function readLevel(text: string): LevelReading {
  const ws = words(text);
  const found = new Set<ImportLevel>();
  for (const w of ws) for (const [level, re] of LEVEL_WORDS) if (re.test(w)) found.add(level);
  if (found.size > 1) return { level: null, several: true };
  const [only] = found;
  // Every word must be a level word: «Муниципальная программа» is not a level.
  const all = ws.length > 0 && ws.every((w) => LEVEL_WORDS.some(([, re]) => re.test(w)));
  return { level: all && only ? only : null, several: false };
}

/** A row that only names a level («Региональный уровень», «Уровень ОО») sets it for the rows below. */
export function levelRow(text: string): ImportLevel | null {
  const t = text.trim();
  if (t.length > 40 || !/уров/i.test(t)) return null;
  return readLevel(t).level;
}
