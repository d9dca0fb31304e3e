// Russian plurals: the shared function, every counted message of the strings modules, and a scan of the
// sources for a count typed before a noun by hand («${n} мероприятий»), which is wrong for 1, 2, 21, 22…
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CountedMessage, GEN_WORDS, WORDS } from '../src/lib/counted.js';
import { countLabel, type PluralForms, plural } from '../src/lib/plural.js';

const COUNTS = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 121, 1000, 1001];
const ROOT = path.resolve(import.meta.dirname, '..');

/** The grammar written out independently of Intl: which of the three forms follows n. */
function formIndex(n: number): 0 | 1 | 2 {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return 0;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return 1;
  return 2;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const isCounted = (v: unknown): v is CountedMessage =>
  typeof v === 'object' && v !== null && 'forms' in v && 'render' in v;

/** Every counted message exported by a strings module (`strings.ts`, `labels.ts`) anywhere in src. */
async function countedMessages(): Promise<[string, CountedMessage][]> {
  const files = sourceFiles(path.join(ROOT, 'src')).filter((f) => /[/\\](strings|labels)\.ts$/.test(f));
  const out: [string, CountedMessage][] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (isCounted(value)) out.push([`${path.relative(ROOT, file)} ${name}`, value]);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, m] of Object.entries(value)) {
          if (isCounted(m)) out.push([`${path.relative(ROOT, file)} ${name}.${key}`, m]);
        }
      }
    }
  }
  return out;
}

const word = (s: string) => `${s}(?![а-яё])`;

describe('plural', () => {
  it('picks the form by the Russian rules for every count', () => {
    const forms = WORDS.item;
    for (const n of COUNTS) expect(plural(n, forms), String(n)).toBe(forms[formIndex(n)]);
  });

  it('agrees the words named in the issue', () => {
    expect(countLabel(21, WORDS.item)).toBe('21 мероприятие');
    expect(countLabel(22, WORDS.institution)).toBe('22 учреждения');
    expect(countLabel(24, WORDS.roadmap)).toBe('24 дорожные карты');
    expect(countLabel(25, WORDS.roadmap)).toBe('25 дорожных карт');
    expect(countLabel(111, WORDS.school)).toBe('111 школ');
    expect(countLabel(1, WORDS.account)).toBe('1 учётная запись');
    expect(countLabel(11, WORDS.municipality)).toBe('11 муниципалитетов');
    expect(countLabel(21, GEN_WORDS.item)).toBe('21 мероприятия');
  });

  it('has three different forms in the order one, few, many for every word', () => {
    // After a number the three forms differ (1 мероприятие, 2 мероприятия, 5 мероприятий)…
    for (const [key, forms] of Object.entries(WORDS) as [string, PluralForms][]) {
      expect(new Set(forms).size, key).toBe(3);
    }
    // …after «из» only the first does (из 21 мероприятия, из 22 мероприятий, из 25 мероприятий).
    for (const [key, forms] of Object.entries(GEN_WORDS) as [string, PluralForms][]) {
      expect(forms[1], key).toBe(forms[2]);
      expect(forms[0], key).not.toBe(forms[1]);
    }
  });

  it('renders every counted message of the strings modules with the right form', async () => {
    const messages = await countedMessages();
    expect(messages.length).toBeGreaterThan(5);
    for (const [name, m] of messages) {
      for (const n of COUNTS) {
        const text = m.render(n);
        const expected = `${n.toLocaleString('ru-RU')} ${m.forms[formIndex(n)]}`;
        expect(new RegExp(word(expected)).test(text), `${name} (${n}): «${text}» has no «${expected}»`).toBe(
          true,
        );
      }
    }
  });

  it('finds no count typed before a counted noun by hand in the sources', () => {
    // Years are left out: «${year} год» is a date, not a count.
    const all = [...Object.entries(WORDS), ...Object.entries(GEN_WORDS)];
    const forms = [...new Set(all.flatMap(([k, f]) => (k === 'year' ? [] : f)))];
    // A value in braces (template «${n}» or JSX «{n}»), then the noun: the form is not chosen by n.
    const typed = new RegExp(`\\}\\)?\\s+(${forms.map((f) => word(f.split(' ')[0] ?? f)).join('|')})`);
    const found: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      if (file.endsWith('api-schema.ts')) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (typed.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
