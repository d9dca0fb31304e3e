// Plain-text renderings of roadmap values, the way they read in an order's appendix.
import dayjs from 'dayjs';
import type { ItemView, RoadmapSummary } from '../shared/types.js';
import { formatDate } from '../shared/ui.js';
import { COMPARATOR_LABELS, ofUnits, RECURRENCE_LABELS } from './strings.js';

export const formatNumber = (v: number) => v.toLocaleString('ru-RU', { maximumFractionDigits: 2 });

/** 'YYYY-MM' → «март 2023». */
export const formatMonth = (ym: string) => dayjs(`${ym}-01`).format('MMMM YYYY');

/** «не менее 2 встреч», «100 %». */
export function formatTarget(
  i: Pick<ItemView, 'targetComparator' | 'targetValue' | 'targetUnit'>,
): string | null {
  if (i.targetValue === null) return null;
  const value = [formatNumber(i.targetValue), i.targetUnit].filter(Boolean).join(' ');
  return i.targetComparator && i.targetComparator !== 'eq'
    ? `${COMPARATOR_LABELS[i.targetComparator]} ${value}`
    : value;
}

export function formatActual(i: Pick<ItemView, 'actualValue' | 'targetUnit'>): string | null {
  if (i.actualValue === null) return null;
  return [formatNumber(i.actualValue), i.targetUnit].filter(Boolean).join(' ');
}

/** The structured period under the deadline text: «февраль – март 2023 · ежемесячно · до 31.03.2023». */
export function periodParts(
  i: Pick<ItemView, 'periodFrom' | 'periodTo' | 'recurrence' | 'dueDate'>,
): string[] {
  const parts: string[] = [];
  if (i.periodFrom && i.periodTo && i.periodFrom !== i.periodTo) {
    const sameYear = i.periodFrom.slice(0, 4) === i.periodTo.slice(0, 4);
    const from = sameYear ? dayjs(`${i.periodFrom}-01`).format('MMMM') : formatMonth(i.periodFrom);
    parts.push(`${from} – ${formatMonth(i.periodTo)}`);
  } else if (i.periodFrom ?? i.periodTo) {
    parts.push(formatMonth(i.periodFrom ?? i.periodTo ?? ''));
  }
  if (i.recurrence) parts.push(RECURRENCE_LABELS[i.recurrence]);
  if (i.dueDate) parts.push(`до ${formatDate(i.dueDate)}`);
  return parts;
}

export function formatPeriod(
  i: Pick<ItemView, 'periodFrom' | 'periodTo' | 'recurrence' | 'dueDate'>,
): string | null {
  const parts = periodParts(i);
  return parts.length ? parts.join(' · ') : null;
}

const squeeze = (t: string) =>
  t
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[‐‑‒–—-]/g, '-');

/** The period under the deadline in the table: only what the wording does not already say. */
export function periodHint(
  i: Pick<ItemView, 'deadlineText' | 'periodFrom' | 'periodTo' | 'recurrence' | 'dueDate'>,
): string | null {
  const said = squeeze(i.deadlineText ?? '');
  // A deadline written as a date already says its month.
  const exactDate = i.dueDate !== null && said.includes(squeeze(formatDate(i.dueDate)));
  const month = periodParts({ ...i, recurrence: null, dueDate: null })[0];
  const parts = periodParts(i).filter((p) => !said.includes(squeeze(p)) && !(exactDate && p === month));
  return parts.length ? parts.join(' · ') : null;
}

/**
 * «2026/2027 учебный год · Поддержка ШНОР»: empty parts are left out, so the line never starts or ends
 * with «·»; the dot is glued to the word before it, so a wrapped line does not start with it either.
 * `continues`: the line goes on after text already shown, so it begins with the separator.
 */
export function detailsLine(parts: readonly (string | null | undefined)[], continues = false): string {
  const shown = parts.map((p) => p?.trim()).filter((p): p is string => Boolean(p));
  if (shown.length === 0) return '';
  return (continues ? '\u00a0· ' : '') + shown.join('\u00a0· ');
}

export function formatRollUp(r: NonNullable<ItemView['rollUp']>): string {
  return `выполнено в ${r.done} из ${r.total} ${ofUnits(r.total, r.unitKind)}`;
}

/** «Утверждена приказом от 14.02.2023 № 123, Министерство образования Пензенской области». */
export function approvalLine(
  r: Pick<RoadmapSummary, 'status' | 'approvalBody' | 'orderNumber' | 'orderDate'>,
): string {
  const order = [r.orderDate && `от ${formatDate(r.orderDate)}`, r.orderNumber && `№ ${r.orderNumber}`]
    .filter(Boolean)
    .join(' ');
  const full = [order, r.approvalBody].filter(Boolean).join(', ');
  if (r.status === 'draft') return full ? `Проект. Реквизиты приказа: ${full}` : 'Проект, не утверждена';
  return `Утверждена приказом ${full}`.trim();
}

export function orderShort(r: Pick<RoadmapSummary, 'orderNumber' | 'orderDate'>): string {
  if (!r.orderNumber && !r.orderDate) return '—';
  return [r.orderNumber && `№ ${r.orderNumber}`, r.orderDate && `от ${formatDate(r.orderDate)}`]
    .filter(Boolean)
    .join(' ');
}

/** The current year of the period: a school year starts in September. */
export function currentPeriodYear(kind: RoadmapSummary['periodKind']): number {
  const now = dayjs();
  return kind === 'school_year' && now.month() < 8 ? now.year() - 1 : now.year();
}

/** «2. Работа с обучающимися», as the section row of the table reads. */
export function sectionTitle(s: { number: string | null; title: string | null }): string | null {
  if (!s.number && !s.title) return null;
  if (!s.number) return s.title;
  const n = /[.)]$/.test(s.number) ? s.number : `${s.number}.`;
  return s.title ? `${n} ${s.title}` : n;
}

/** Reads a date typed the Russian way («01.12.2026», «1.12.26») as 'YYYY-MM-DD'; null if it is not one. */
export function parseRuDate(text: string): string | null {
  const m = text.trim().match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/);
  if (!m) return null;
  const [, d = '', mo = '', y = ''] = m;
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const date = dayjs(new Date(year, Number(mo) - 1, Number(d)));
  if (date.date() !== Number(d) || date.month() !== Number(mo) - 1) return null;
  return date.format('YYYY-MM-DD');
}
