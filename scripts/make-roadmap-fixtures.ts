import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { parseRoadmapDocumentInThread } from '../src/modules/documents/import/parse-roadmap-document.js';
import * as main from '../tests/fixtures/roadmaps/content.js';
import * as alt from '../tests/fixtures/roadmaps/content-alt.js';

const { random } = main;

import { DOCS, type DocSpec, type Field, type PageBreak } from '../tests/fixtures/roadmaps/specs.js';

// Writes the roadmap test set (tests/fixtures/roadmaps/README.md): for every document of specs.ts a text
// copy (TAB-separated, as copied from Word), a Word document and the truth. `npm run fixtures:roadmaps`;
// with `--seeds` also the truth of the real seeds, taken from their text parse (pinned by import-seeds.test.ts).

// `--out DIR --seed-offset N [--content alt]`: the same patterns with other content drawn, to check that the rules are not
// tuned to the committed documents (bench/roadmap-accuracy.ts --dir DIR measures them).
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const DIR = arg('--out') ?? fileURLToPath(new URL('../tests/fixtures/roadmaps/', import.meta.url));
const SEED_OFFSET = Number(arg('--seed-offset') ?? 0);
type Pool = typeof main | typeof alt;

type Measure = {
  section: string | null;
  measure: string;
  deadline: string;
  executors: string;
  indicator: string;
};
type Line =
  | { kind: 'header' }
  | { kind: 'section'; number: string | null; title: string }
  | { kind: 'item'; number: string; values: Record<Field, string>; shifted: boolean }
  | { kind: 'continuation'; text: string }
  | { kind: 'break'; type: PageBreak };

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

function shuffled<T>(rnd: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Splits a measure where a page break would: mid-sentence before a lower-case word, or (second wording) before a capital. */
function splitMeasure(text: string, capital: boolean): [string, string] {
  const words = text.split(' ');
  const from = Math.max(2, Math.floor(words.length * 0.45));
  const isCapital = (w: string) => /^[«"A-ZА-ЯЁ]/.test(w);
  let at = words.findIndex((w, i) => i >= from && isCapital(w) === capital);
  if (at < 0) at = words.findIndex((w, i) => i >= from && !isCapital(w));
  if (at < 0) at = from;
  return [words.slice(0, at).join(' '), words.slice(at).join(' ')];
}

function build(spec: DocSpec, pool: Pool, offset: number): { lines: Line[]; truth: Measure[] } {
  const rnd = random(spec.seed + offset);
  const measures: string[] = shuffled(rnd, pool.MEASURES).slice(0, spec.count);
  const capital = shuffled(rnd, pool.CAPITAL_MEASURES);
  // The second, differently worded continuation: a break before a capital word («…для педагогов ШНОР»).
  spec.continuation.forEach((at, k) => {
    if (k % 2 === 1) measures[at] = capital[(k >> 1) % capital.length] as string;
  });
  if (spec.titleLikeAfterBreak) {
    const titleLike = shuffled(rnd, pool.TITLE_LIKE_MEASURES);
    spec.breaks.forEach(([at], k) => {
      measures[at] = titleLike[k % titleLike.length] as string;
    });
  }
  const sections = shuffled(rnd, pool.SECTIONS);
  const lines: Line[] = [{ kind: 'header' }];
  const truth: Measure[] = [];
  let section: string | null = null;
  let sectionNo = 0;
  let itemNo = 0;
  measures.forEach((measure, i) => {
    const brk = spec.breaks.find(([at]) => at === i);
    if (brk) lines.push({ kind: 'break', type: brk[1] });
    if (spec.sectionSize > 0 && i % spec.sectionSize === 0) {
      section = sections[sectionNo % sections.length] as string;
      sectionNo++;
      itemNo = 0;
      lines.push({ kind: 'section', number: spec.numbered ? String(sectionNo) : null, title: section });
    }
    itemNo++;
    const values: Record<Field, string> = {
      number: spec.numbered ? (spec.sectionSize > 0 ? `${sectionNo}.${itemNo}` : `${i + 1}.`) : '',
      measure,
      deadline: pick(rnd, pool.DEADLINES),
      executors: pick(rnd, pool.EXECUTORS),
      indicator: pick(rnd, pool.INDICATORS),
      note: pick(rnd, pool.NOTES),
    };
    truth.push({
      section,
      measure,
      deadline: values.deadline,
      executors: values.executors,
      indicator: values.indicator,
    });
    const k = spec.continuation.indexOf(i);
    if (k >= 0) {
      const [head, tail] = splitMeasure(measure, k % 2 === 1);
      lines.push({
        kind: 'item',
        number: values.number,
        values: { ...values, measure: head },
        shifted: spec.shifted.includes(i),
      });
      lines.push({ kind: 'continuation', text: tail });
    } else lines.push({ kind: 'item', number: values.number, values, shifted: spec.shifted.includes(i) });
  });
  return { lines, truth };
}

// ---------- Text copy ----------

function toTxt(spec: DocSpec, lines: Line[]): string {
  const fields = spec.columns.map(([f]) => f);
  const headers = spec.columns.map(([, h]) => h);
  const out: string[] = [...spec.above, ''];
  const bold = (t: string) => (spec.titleBold ? `**${t}**` : t);
  spec.title.forEach((t, i) => {
    out.push(bold(t));
    if (spec.titleBlankLines && i < spec.title.length - 1) out.push('');
  });
  out.push('');
  for (const line of lines) {
    switch (line.kind) {
      case 'header':
        out.push(headers.join('\t'));
        break;
      case 'section': {
        const cells = fields.map((f) =>
          f === 'number' ? (line.number ?? '') : f === 'measure' ? `**${line.title}**` : '',
        );
        out.push(cells.join('\t'));
        break;
      }
      case 'item': {
        const cells = fields.map((f) => line.values[f]);
        if (!line.shifted) out.push(cells.join('\t'));
        else if (spec.shiftDropsCell) out.push(cells.slice(1).join('\t'));
        else out.push([...cells.slice(1), ''].join('\t'));
        break;
      }
      case 'continuation':
        out.push(fields.map((f) => (f === 'measure' ? line.text : '')).join('\t'));
        break;
      case 'break':
        if (line.type === 'literal' || line.type === 'split-header') out.push(headers.join('\t'));
        else if (line.type === 'literal-shifted') out.push([...headers.slice(1), ''].join('\t'));
        else if (line.type === 'page-number') out.push('', '2', '');
        else out.push('');
        break;
    }
  }
  out.push('');
  if (spec.signatureTable) out.push(spec.signatureTable.join('\t'));
  out.push(...spec.after, '');
  return out.join('\n');
}

// ---------- Word ----------

const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const cell = (text: string, bold = false, span = 1) =>
  new TableCell({ children: [para(text, bold)], ...(span > 1 && { columnSpan: span }) });

function toDocx(spec: DocSpec, lines: Line[]): Promise<Buffer> {
  const fields = spec.columns.map(([f]) => f);
  const headers = spec.columns.map(([, h]) => h);
  const body: (Paragraph | Table)[] = [...spec.above.map((t) => para(t)), para('')];
  body.push(...spec.title.map((t) => para(t, spec.titleBold)), para(''));
  let rows: TableRow[] = [];
  const headerRow = (repeat: boolean) =>
    new TableRow({ tableHeader: repeat, children: headers.map((h) => cell(h, true)) });
  const closeTable = () => {
    if (rows.length) body.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    rows = [];
  };
  for (const line of lines) {
    switch (line.kind) {
      case 'header':
        rows.push(headerRow(spec.tblHeader === true));
        break;
      case 'section':
        if (line.number)
          rows.push(
            new TableRow({ children: [cell(line.number, true), cell(line.title, true, fields.length - 1)] }),
          );
        else rows.push(new TableRow({ children: [cell(line.title, true, fields.length)] }));
        break;
      case 'item': {
        const texts = fields.map((f) => line.values[f]);
        const placed = line.shifted ? [...texts.slice(1), ''] : texts;
        rows.push(new TableRow({ children: placed.map((t) => cell(t)) }));
        break;
      }
      case 'continuation':
        rows.push(new TableRow({ children: fields.map((f) => cell(f === 'measure' ? line.text : '')) }));
        break;
      case 'break':
        if (line.type === 'literal') rows.push(new TableRow({ children: headers.map((h) => cell(h, true)) }));
        else if (line.type === 'literal-shifted')
          rows.push(new TableRow({ children: [...headers.slice(1), ''].map((h) => cell(h, true)) }));
        else {
          closeTable();
          body.push(para(''));
          if (line.type === 'split-header') rows.push(headerRow(spec.tblHeader === true));
        }
        break;
    }
  }
  closeTable();
  body.push(para(''));
  if (spec.signatureTable) {
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const borders = {
      top: none,
      bottom: none,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    };
    body.push(
      new Table({ borders, rows: [new TableRow({ children: spec.signatureTable.map((t) => cell(t)) })] }),
    );
  }
  body.push(...spec.after.map((t) => para(t)));
  return Packer.toBuffer(new Document({ sections: [{ children: body }] }));
}

// The committed set: every layout with the main content, and again as `<name>-alt` with the differently
// worded pool (content-alt.ts), so that a rule tuned to one wording fails the test.
const runs: [Pool, number, string][] =
  arg('--content') === 'alt'
    ? [[alt, SEED_OFFSET, '']]
    : [
        [main, SEED_OFFSET, ''],
        [alt, SEED_OFFSET + 1000, '-alt'],
      ];
for (const [pool, offset, suffix] of runs) {
  // `--only NAME`: one layout (a new document) without rewriting the DOCX dates of all the others.
  for (const spec of DOCS.filter((d) => !arg('--only') || d.name === arg('--only'))) {
    const { lines, truth } = build(spec, pool, offset);
    const base = path.join(DIR, `${spec.name}${suffix}`);
    writeFileSync(`${base}.txt`, toTxt(spec, lines));
    writeFileSync(`${base}.docx`, await toDocx(spec, lines));
    const json = { synthetic: true, titles: [spec.title.join(' ')], roadmaps: 1, measures: truth };
    writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`${spec.name}${suffix}: ${truth.length} мероприятий`);
  }
}

if (process.argv.includes('--seeds')) {
  const seedsTruth = path.join(DIR, 'seeds');
  mkdirSync(seedsTruth, { recursive: true });
  for (const name of ['penza-district-2022-2023', 'sharan-district-2022-2023', 'smolensk-region-2022-2023']) {
    const file = fileURLToPath(new URL(`../seeds/${name}.txt`, import.meta.url));
    const result = await parseRoadmapDocumentInThread(`${name}.txt`, readFileSync(file));
    const measures = result.roadmaps.flatMap((r) =>
      r.sections.flatMap((s) =>
        s.items.flatMap((item) =>
          [item, ...item.subItems].map((i) => ({
            section: s.title,
            measure: i.measure,
            deadline: i.deadline.text ?? '',
            executors: i.responsible ?? '',
            indicator: i.indicator ?? '',
          })),
        ),
      ),
    );
    const titles = result.roadmaps.map((r) => r.title);
    const json = { titles, roadmaps: result.roadmaps.length, measures };
    writeFileSync(path.join(seedsTruth, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
    console.log(`${name}: ${measures.length} мероприятий`);
  }
}
