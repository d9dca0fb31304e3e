import type { Column } from './columns.js';
import type { DraftRoadmap, Warn } from './draft.js';
import { readHeaderRow } from './header-rows.js';
import { parseNumber, splitLeadingNumber } from './numbering.js';
import { realignShifted, SHIFTED_MESSAGE } from './realign.js';
import { type AlignedRow, alignRow, cellText, classifyRow } from './rows.js';
import type { Block, RowBlock } from './types.js';

// A row of a roadmap table put into its draft: its cells aligned to the columns, the row classified
// (rows.ts), then added as a section, an item, a sub-row or a continuation — or skipped with a warning.

/** The number of the next numbered row after `index` (within 40 blocks), for telling items from continuations. */
function nextNumber(blocks: Block[], index: number, columns: Column[]) {
  for (let j = index + 1; j < blocks.length && j < index + 40; j++) {
    const b = blocks[j];
    if (!b) break;
    if (b.kind === 'paragraph') continue;
    const texts = b.cells.map((c) => c.text.trim());
    const filled = texts.filter(Boolean);
    if (filled.length === 0) continue;
    if (readHeaderRow(b)) continue;
    if (filled.length >= 3 && filled.every((t, k) => t.replace(/\.$/, '') === String(k + 1))) continue;
    const aligned = alignRow(b, columns);
    const at = columns.findIndex((c) => c.meaning === 'number');
    const numberText = at >= 0 ? cellText(aligned.cells[at]) : '';
    if (numberText) return parseNumber(numberText);
    return splitLeadingNumber(filled[0] ?? '')?.number ?? null;
  }
  return null;
}

const boldRows = new WeakMap<Block[], boolean>();

/** Whether any row of the document has a bold cell (computed once per document). */
function hasBoldRows(blocks: Block[]): boolean {
  let known = boldRows.get(blocks);
  if (known === undefined) {
    known = blocks.some((b) => b.kind === 'row' && b.cells.some((c) => c.bold && c.text.trim()));
    boldRows.set(blocks, known);
  }
  return known;
}

/** Puts the row `b` (block `index` of `blocks`) into the draft. */
export function placeRow(
  draft: DraftRoadmap,
  b: RowBlock,
  opts: { blocks: Block[]; index: number; warn: Warn },
): void {
  const { blocks, index, warn } = opts;
  for (const c of b.cells) {
    for (const message of c.warnings ?? []) warn(b.location, message);
    if (c.merged) continue;
    for (const note of c.notes ?? []) {
      warn(b.location, `Слово, разорванное краем ячейки без дефиса, соединено: ${note} — проверьте`);
    }
  }
  let aligned: AlignedRow = alignRow(b, draft.columns);
  const shifted = draft.numbered ? null : realignShifted(aligned, draft.columns);
  if (shifted) {
    aligned = shifted;
    warn(b.location, SHIFTED_MESSAGE);
  }
  const kind = classifyRow(aligned, {
    columns: draft.columns,
    numbered: draft.numbered,
    hasItem: draft.hasItem,
    nextNumber: nextNumber(blocks, index, draft.columns),
    lastNumber: draft.lastNumber,
    lastMeasure: draft.lastMeasure(),
    rowsWithoutBold: !hasBoldRows(blocks),
  });
  const dropped = kind.kind === 'continuation' && kind.guessed;
  if (aligned.guessed && kind.kind !== 'skip' && kind.kind !== 'header' && !dropped) {
    const message = aligned.lostFirst
      ? SHIFTED_MESSAGE
      : 'В строке меньше ячеек, чем столбцов: ячейки отнесены к столбцам по содержимому';
    warn(b.location, message);
  }
  switch (kind.kind) {
    case 'skip':
    case 'header':
      return;
    case 'note':
      warn(b.location, `Строка «${kind.text.slice(0, 80)}» — итог или сноска, не мероприятие: пропущена`);
      return;
    case 'section':
      draft.addSection(kind.number, kind.title, kind.guessed, b.location);
      if (kind.guessed) {
        warn(b.location, `Строка «${kind.title.slice(0, 80)}» без сроков и ответственных принята за раздел`);
      }
      return;
    case 'level':
      draft.setLevel(kind.level);
      return;
    case 'item':
      draft.addItem(aligned, kind.number, kind.measureOverride, b.location);
      return;
    case 'subrow':
      draft.addSubRow(aligned, b.location);
      return;
    case 'continuation':
      if (kind.guessed && aligned.guessed) {
        // Fewer cells than columns, no number, no deadline, a capital letter: not a part of the item above.
        const text = b.cells
          .map((c) => c.text.trim())
          .filter(Boolean)
          .join(' | ');
        warn(b.location, `Строка не отнесена ни к одному пункту и пропущена: «${text.slice(0, 120)}»`);
        return;
      }
      if (kind.measureOnly) {
        warn(
          b.location,
          `Строка продолжает мероприятие «${draft.lastMeasure().slice(0, 60)}»: текст присоединён к нему`,
        );
      }
      draft.continueWith(aligned, kind.guessed, b.location, kind.separate);
      return;
    case 'unplaced':
      warn(b.location, `Строка не отнесена ни к одному пункту и пропущена: «${kind.text.slice(0, 120)}»`);
      return;
  }
}
