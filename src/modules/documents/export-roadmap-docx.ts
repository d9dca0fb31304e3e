import type { TableRow } from 'docx';
import type { Comparator } from '../../db/schema/roadmaps.js';
import type { ItemView, RoadmapDetail, SectionView } from '../roadmaps/types.js';
import { ITEM_STATUS_LABELS, LEVEL_LABELS } from '../roadmaps/types.js';
import { appendixDocx, dataRow, headerRow, NUM_COL_W, TABLE_W, wideRow } from './docx-appendix.js';

// Shared text helpers (also used by the XLSX exporter) so both documents read the same.

/** 'YYYY-MM-DD' (or a timestamp) → 'dd.mm.yyyy'; 'YYYY-MM' → 'mm.yyyy'; anything else as is. */
export function formatRuDate(value: string | null): string {
  if (!value) return '';
  const full = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (full) return `${full[3]}.${full[2]}.${full[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${month[2]}.${month[1]}`;
  return value;
}

export function formatNumber(n: number): string {
  return String(n).replace('.', ',');
}

const COMPARATOR_WORDS: Record<Comparator, string> = { gte: 'не менее', lte: 'не более', eq: '' };

export function targetText(item: ItemView): string {
  if (item.targetValue === null) return '';
  const word = item.targetComparator ? COMPARATOR_WORDS[item.targetComparator] : '';
  return [word, formatNumber(item.targetValue), item.targetUnit ?? ''].filter(Boolean).join(' ');
}

export function deadlineText(item: ItemView): string {
  if (item.deadlineText) return item.deadlineText;
  if (item.periodFrom || item.periodTo) {
    const from = formatRuDate(item.periodFrom);
    const to = formatRuDate(item.periodTo);
    return from && to && from !== to ? `${from} – ${to}` : from || to;
  }
  return item.dueDate ? `до ${formatRuDate(item.dueDate)}` : '';
}

export function responsibleText(item: ItemView): string {
  const units = item.responsibleUnits.map((u) => u.name).join(', ');
  return [units, item.responsibleText ?? ''].filter(Boolean).join(', ');
}

export function participantsText(item: ItemView): string {
  return [item.participants ?? '', item.description ?? ''].filter(Boolean).join('\n');
}

export function indicatorText(item: ItemView): string {
  return [item.indicator ?? '', targetText(item)].filter(Boolean).join('\n');
}

export function executionMark(item: ItemView): string {
  const status = [ITEM_STATUS_LABELS[item.status], item.overdue ? 'просрочено' : '']
    .filter(Boolean)
    .join(', ');
  const actual =
    item.actualValue === null
      ? ''
      : `факт: ${[formatNumber(item.actualValue), item.targetUnit ?? ''].join(' ')}`;
  return [status, actual.trim()].filter(Boolean).join('\n');
}

export function approvalLines(r: RoadmapDetail): string[] {
  const hasOrder = Boolean(r.orderNumber || r.orderDate);
  if (r.status === 'draft' || !hasOrder) return ['Проект'];
  const parts = ['Приложение к приказу'];
  if (r.approvalBody) parts.push(r.approvalBody);
  if (r.orderDate) parts.push(`от ${formatRuDate(r.orderDate)}`);
  if (r.orderNumber) parts.push(`№ ${r.orderNumber}`);
  return [parts.join(' ')];
}

export function sectionHeading(s: SectionView, index: number): string | null {
  if (!s.title && !s.number) return null;
  return [`${s.number ?? String(index + 1)}.`, s.title ?? ''].join(' ').trim();
}

export function itemNumber(s: SectionView, sIndex: number, item: ItemView, iIndex: number): string {
  return item.number ?? `${s.number ?? String(sIndex + 1)}.${iIndex + 1}`;
}

export type Column = { header: string; value: (item: ItemView) => string; width: number };

/** Columns of the printed table; widths are relative weights (docx) / characters (xlsx). */
export function roadmapColumns(r: RoadmapDetail, o: { execution?: boolean } = {}): Column[] {
  const items = r.sections.flatMap((s) => s.items);
  const cols: (Column | null)[] = [
    { header: 'Мероприятие', value: (i) => i.measure, width: 38 },
    items.some((i) => i.level)
      ? { header: 'Уровень управления', value: (i) => (i.level ? LEVEL_LABELS[i.level] : ''), width: 24 }
      : null,
    { header: 'Сроки', value: deadlineText, width: 17 },
    { header: 'Ответственные', value: responsibleText, width: 24 },
    items.some((i) => i.participants || i.description)
      ? { header: 'Участники / целевая аудитория', value: participantsText, width: 24 }
      : null,
    { header: 'Показатель (ожидаемый результат)', value: indicatorText, width: 28 },
    // A published roadmap whose owner hides its execution leaves the column out (publication/).
    o.execution === false ? null : { header: 'Отметка об исполнении', value: executionMark, width: 22 },
  ];
  return cols.filter((c): c is Column => c !== null);
}

export async function roadmapToDocx(r: RoadmapDetail, o: { execution?: boolean } = {}): Promise<Buffer> {
  const cols = roadmapColumns(r, o);
  const weightSum = cols.reduce((sum, c) => sum + c.width, 0);
  const rest = TABLE_W - NUM_COL_W;
  const widths = [NUM_COL_W, ...cols.map((c) => Math.floor((rest * c.width) / weightSum))];
  const rows: TableRow[] = [headerRow(['№ п/п', ...cols.map((c) => c.header)], widths)];
  r.sections.forEach((s, si) => {
    const heading = sectionHeading(s, si);
    // keepNext stops a section heading from being stranded at the bottom of a page.
    if (heading) rows.push(wideRow(heading, widths.length, { bold: true, keepNext: true, fill: 'F2F2F2' }));
    s.items.forEach((item, ii) => {
      rows.push(dataRow([itemNumber(s, si, item, ii), ...cols.map((c) => c.value(item))], widths));
    });
  });
  return appendixDocx({
    title: r.title,
    approvalLines: approvalLines(r),
    titles: [r.title, r.orgUnit.name, r.periodLabel],
    widths,
    rows,
  });
}
