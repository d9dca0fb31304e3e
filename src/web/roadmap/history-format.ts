// History events (src/modules/audit/events.ts) in Russian: one line per event, one more per field change.

import type { CoverageBinding } from '../../db/schema/values.js';
import { EVIDENCE_KIND_LABELS } from '../../modules/roadmaps/proof-rule.js';
import { bindingText } from '../coverage/binding-text.js';
import {
  ITEM_STATUS_LABELS,
  LEVEL_LABELS,
  ROADMAP_KIND_LABELS,
  ROADMAP_STATUS_LABELS,
  type RoadmapSummary,
} from '../shared/types.js';
import { formatDate } from '../shared/ui.js';
import { formatMonth, formatNumber, sectionTitle } from './format.js';
import { COMPARATOR_LABELS, FIELD_LABELS, PERIOD_KIND_LABELS, RECURRENCE_LABELS } from './strings.js';

/** Names the history may refer to by id. */
export type HistoryContext = { units?: Map<string, string>; sections?: Map<string, string> };

export type RenderedEvent = { title: string; lines: string[] };

type Change = { field: string; old: unknown; new: unknown };

const obj = (p: unknown): Record<string, unknown> =>
  p && typeof p === 'object' ? (p as Record<string, unknown>) : {};
const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const lookup = (map: Record<string, string>, v: unknown) => map[str(v)] ?? str(v);
const itemStatus = (v: unknown) => lookup(ITEM_STATUS_LABELS, v);
const roadmapStatus = (v: unknown) => lookup(ROADMAP_STATUS_LABELS, v);

function changesOf(p: unknown): Change[] {
  const list = obj(p).changes;
  if (!Array.isArray(list)) return [];
  return list.map((c) => {
    const o = obj(c);
    return { field: str(o.field), old: o.old, new: o.new };
  });
}

/** One value of a field, in words. */
export function formatValue(field: string, v: unknown, ctx: HistoryContext): string {
  if (v === null || v === undefined || v === '') return 'пусто';
  if (Array.isArray(v)) {
    if (v.length === 0) return 'пусто';
    return v.map((x) => ctx.units?.get(str(x)) ?? 'организация').join(', ');
  }
  switch (field) {
    case 'status':
      return ITEM_STATUS_LABELS[str(v) as keyof typeof ITEM_STATUS_LABELS] ?? roadmapStatus(v);
    case 'level':
      return lookup(LEVEL_LABELS, v);
    case 'recurrence':
      return lookup(RECURRENCE_LABELS, v);
    case 'targetComparator':
      return lookup(COMPARATOR_LABELS, v);
    case 'evidenceKind':
      return lookup(EVIDENCE_KIND_LABELS, v);
    case 'kind':
      return lookup(ROADMAP_KIND_LABELS, v);
    case 'periodKind':
      return PERIOD_KIND_LABELS[str(v) as RoadmapSummary['periodKind']] ?? str(v);
    case 'dueDate':
    case 'orderDate':
      return formatDate(str(v));
    case 'periodFrom':
    case 'periodTo':
      return /^\d{4}-\d{2}$/.test(str(v)) ? formatMonth(str(v)) : str(v);
    case 'linkedItemId':
      return 'мероприятие своей дорожной карты';
    case 'coverageBinding':
      return bindingText(v as CoverageBinding);
  }
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  return str(v);
}

const quote = (s: string) => (s === 'пусто' ? s : `«${s}»`);

export function formatChange(c: Change, ctx: HistoryContext): string {
  const label = FIELD_LABELS[c.field] ?? c.field;
  return `${label}: ${quote(formatValue(c.field, c.old, ctx))} → ${quote(formatValue(c.field, c.new, ctx))}`;
}

export function renderEvent(type: string, payload: unknown, ctx: HistoryContext): RenderedEvent {
  const p = obj(payload);
  const changes = changesOf(payload).map((c) => formatChange(c, ctx));
  const withComment = (title: string) => ({
    title,
    lines: p.comment ? [`Комментарий: ${str(p.comment)}`] : [],
  });
  switch (type) {
    case 'roadmap.created':
      return { title: `Создана дорожная карта «${str(p.title)}»`, lines: [] };
    case 'roadmap.updated':
      return { title: 'Изменены реквизиты дорожной карты', lines: changes };
    case 'roadmap.status_changed':
      return { title: `Статус дорожной карты: ${roadmapStatus(p.from)} → ${roadmapStatus(p.to)}`, lines: [] };
    case 'roadmap.deleted':
      return { title: `Удалена дорожная карта «${str(p.title)}»`, lines: [] };
    case 'section.created':
      return {
        title: `Добавлен раздел ${sectionTitle({ number: str(p.number) || null, title: str(p.title) || null }) ?? 'без названия'}`,
        lines: [],
      };
    case 'section.updated':
      return { title: 'Изменён раздел', lines: changes };
    case 'section.moved':
      return { title: `Раздел перемещён: позиция ${Number(p.from) + 1} → ${Number(p.to) + 1}`, lines: [] };
    case 'section.deleted':
      return { title: `Удалён раздел «${str(p.title) || 'без названия'}»`, lines: [] };
    case 'item.created':
      return {
        title: ['Добавлено мероприятие', str(p.number), `«${str(p.measure)}»`].filter(Boolean).join(' '),
        lines: [],
      };
    case 'item.updated':
      return {
        title: changes.length === 1 ? (changes[0] ?? '') : 'Изменены поля мероприятия',
        lines: changes.length === 1 ? [] : changes,
      };
    case 'item.moved': {
      const from = ctx.sections?.get(str(p.fromSection)) ?? 'раздел';
      const to = ctx.sections?.get(str(p.toSection)) ?? 'раздел';
      const where =
        p.fromSection === p.toSection
          ? `в разделе ${quote(from)}`
          : `из раздела ${quote(from)} в раздел ${quote(to)}`;
      return { title: `Перемещено ${where}: позиция ${Number(p.from) + 1} → ${Number(p.to) + 1}`, lines: [] };
    }
    case 'item.deleted':
      return { title: `Удалено мероприятие «${str(p.measure)}»`, lines: [] };
    case 'item.status_changed':
      return withComment(`Статус: ${itemStatus(p.from)} → ${itemStatus(p.to)}`);
    case 'item.confirmed': {
      // Events written before the seen files were recorded have no `seen`.
      const seen = Array.isArray(p.seen) ? p.seen.map((f) => str(obj(f).name)) : null;
      const seenLine = seen ? [seen.length ? `Просмотрены: ${seen.join(', ')}` : 'Файлов не было'] : [];
      if (p.decision === 'returned')
        return { title: `Возвращено на доработку${p.comment ? `: ${str(p.comment)}` : ''}`, lines: seenLine };
      const confirmed = withComment(
        seen?.length ? `Подтверждено, просмотрены: ${seen.join(', ')}` : 'Исполнение подтверждено',
      );
      return { ...confirmed, lines: [...confirmed.lines, ...(seen?.length ? [] : seenLine)] };
    }
    case 'item.evidence_added':
      return {
        title: `Приложен файл «${str(p.name)}»${p.kind && p.kind !== 'other' ? ` (${lookup(EVIDENCE_KIND_LABELS, p.kind).toLowerCase()})` : ''}`,
        lines: [],
      };
    case 'item.evidence_removed':
      return { title: `Откреплён файл «${str(p.name)}»`, lines: [] };
    case 'item.comment_added':
      return { title: 'Добавлен комментарий', lines: [str(p.text)] };
    case 'task.updated':
      return renderTask(p, changesOf(payload));
    default:
      return { title: type, lines: changes };
  }
}

/** «Муниципалитет X: статус запланировано → выполнено», with the comment and the link to its own item. */
function renderTask(p: Record<string, unknown>, changes: Change[]): RenderedEvent {
  const parts: string[] = [];
  const lines: string[] = [];
  for (const c of changes) {
    if (c.field === 'status') parts.push(`статус ${itemStatus(c.old)} → ${itemStatus(c.new)}`);
    else if (c.field === 'linkedItemId') {
      parts.push(
        c.new
          ? 'связано с мероприятием своей дорожной карты'
          : 'снята связь с мероприятием своей дорожной карты',
      );
    } else if (c.field === 'comment') lines.push(c.new ? `Комментарий: ${str(c.new)}` : 'Комментарий удалён');
    else lines.push(formatChange(c, {}));
  }
  return { title: `${str(p.unit) || 'Организация'}: ${parts.join('; ') || 'отметка исполнения'}`, lines };
}
