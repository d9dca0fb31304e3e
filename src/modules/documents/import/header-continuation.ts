import { looksLikeContinuation } from './clean-text.js';
import { type Column, markDeadlineRange, namesPeriod, readHeader } from './columns.js';
import type { CurrentTable } from './current-table.js';
import type { Warn } from './draft.js';
import { headerTexts, spreadOverEmpty, widenOverSubHeader } from './header-rows.js';
import { parseNumber, splitLeadingNumber } from './numbering.js';
import type { RowBlock } from './types.js';

/** The second line of a header spread over two rows («№» / «п/п», «Сроки» / «исполнения»). */
export function isHeaderContinuation(b: RowBlock, current: CurrentTable): boolean {
  const own = b.cells.flatMap((c) => (c.merged ? [] : [c.text.trim()])).filter(Boolean);
  if (own.length === 0) return false;
  if (own.some((t) => t.length > 60 || parseNumber(t) || splitLeadingNumber(t))) return false;
  if (b.header) return true;
  if (own.every((t) => looksLikeContinuation(t) || /^п\s*\/\s*п\.?$/i.test(t))) return true;
  // «Содержание | Сроки» over «мероприятий | исполнения | Исполнители»: the second line names more columns.
  const first = headerTexts(current.headerBlock).texts;
  const second = headerTexts(b).texts;
  // «Срок начала | Срок завершения» under «Сроки реализации»: capitalised, and naming no new column.
  if (second.some((t, i) => namesPeriod(t, second[i + 1]))) return true;
  const merged = readHeader(first.map((t, i) => [t, second[i] ?? ''].filter(Boolean).join(' ')));
  const known = (cols: Column[] | null) => cols?.filter((c) => c.meaning !== null).length ?? 0;
  return known(merged) > known(readHeader(first)) && own.every((t) => !/\d/.test(t));
}

/** Joins the second line of the header to the first: the columns of the current table are read anew. */
export function mergeHeader(b: RowBlock, current: CurrentTable, warn: Warn): void {
  let first: { texts: string[]; covered: boolean[]; from?: number[] } = headerTexts(current.headerBlock);
  const second = headerTexts({ ...b, cells: b.cells.map((c) => (c.merged ? { ...c, text: '' } : c)) });
  const wide = widenOverSubHeader(first, second.texts);
  if (wide) {
    const labels = second.texts.filter((t) => t.trim());
    const label = wide.texts[second.texts.findIndex((t) => t.trim())] ?? '';
    warn(
      b.location,
      `Заголовок «${label}» занимает одну ячейку, а под ним ${labels.length} («${labels.join('», «')}»): он отнесён ко всем им, следующие столбцы сдвинуты вправо — проверьте`,
    );
    first = wide;
  } else first = spreadOverEmpty(first, second.texts);
  // «Сроки» spanning «начало | окончание» gives the columns «Сроки начало» and «Сроки окончание».
  const texts = first.texts.map((t, i) => [t, second.texts[i] ?? ''].filter(Boolean).join(' '));
  const columns = readHeader(texts);
  if (!columns) return;
  const previous = current.draft.columns;
  const merged = columns.map((c, i) => {
    const before = previous[first.from?.[i] ?? i];
    const meaning = c.meaning ?? before?.meaning ?? null;
    return { ...c, meaning, ...(first.covered[i] && !second.texts[i] && { covered: true }) };
  });
  current.draft.setColumns(markDeadlineRange(merged, first.texts, second.texts));
  current.headerBlock = { ...b, cells: texts.map((text) => ({ text, bold: true, italic: false })) };
}
