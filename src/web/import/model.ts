// The wizard's working copy of a parsed document: what the user corrects before saving,
// and how it goes to POST /api/roadmap-imports (src/modules/roadmaps/import-schemas.ts).
import { readDeadline } from '../../modules/documents/import/deadline.js';
import { saveImportInput } from '../../modules/roadmaps/import-schemas.js';
import { periodEnded } from '../../modules/roadmaps/past-period.js';
import type {
  ImportedDeadline,
  ImportedRoadmap,
  ImportedSubItem,
  ImportLevel,
  ImportPeriodKind,
  ImportResult,
  ImportRoadmapKind,
} from './types.js';

export type CellField =
  | 'number'
  | 'measure'
  | 'description'
  | 'level'
  | 'deadline'
  | 'responsible'
  | 'indicator';

export type DraftRow = {
  key: string;
  number: string;
  level: ImportLevel | null;
  measure: string;
  description: string;
  deadline: ImportedDeadline;
  /** What the deadline re-read says after the user changed its wording. */
  deadlineNotes: string[];
  responsible: string;
  indicator: string;
  /** The user changed the row or ticked «Проверено»: its warnings count as dealt with. */
  edited: boolean;
  checked: boolean;
};

export type DraftItem = DraftRow & { subItems: DraftRow[] };
export type DraftSection = { key: string; number: string | null; title: string | null; items: DraftItem[] };

export type DraftRoadmap = {
  keep: boolean;
  title: string;
  kind: ImportRoadmapKind;
  periodKind: ImportPeriodKind | null;
  periodYear: number | null;
  periodGuessed: boolean;
  /** The period as written in the document («2022-2023»), for the note under the inputs. */
  periodText: string | null;
  approval: { body: string; orderNumber: string; date: string | null };
  columns: string[];
  sections: DraftSection[];
  /** The user changed the requisites: warnings about the roadmap itself count as dealt with. */
  edited: boolean;
  /** Save as an archived record of a past period (offered only when its period has ended). */
  archive: boolean;
};

/** Where a row is: roadmap, section, item and, for a sub-row, its index under the item. */
export type RowPath = { r: number; s: number; i: number; sub: number | null };

let seq = 0;
const nextKey = () => `k${++seq}`;

function rowOf(x: ImportedSubItem): DraftRow {
  return {
    key: nextKey(),
    number: x.number ?? '',
    level: x.level,
    measure: x.measure,
    description: x.description ?? '',
    deadline: x.deadline,
    deadlineNotes: [],
    responsible: x.responsible ?? '',
    indicator: x.indicator ?? '',
    edited: false,
    checked: false,
  };
}

export function draftOf(r: ImportedRoadmap): DraftRoadmap {
  return {
    keep: true,
    title: r.title,
    kind: r.meta.kind,
    periodKind: r.meta.periodKind,
    periodYear: r.meta.periodYear,
    periodGuessed: r.meta.periodGuessed,
    periodText: r.period,
    approval: {
      body: r.approval?.body ?? '',
      orderNumber: r.approval?.orderNumber ?? '',
      date: r.approval?.date ?? null,
    },
    columns: r.columns,
    sections: r.sections.map((s) => ({
      key: nextKey(),
      number: s.number,
      title: s.title,
      items: s.items.map((i) => ({ ...rowOf(i), subItems: i.subItems.map(rowOf) })),
    })),
    edited: false,
    archive: false,
  };
}

export const draftsOf = (result: ImportResult) => result.roadmaps.map(draftOf);

export function rowAt(roadmaps: DraftRoadmap[], p: RowPath): DraftRow | undefined {
  const item = roadmaps[p.r]?.sections[p.s]?.items[p.i];
  return p.sub === null ? item : item?.subItems[p.sub];
}

/** Every row of a roadmap (items and their sub-rows) with its path. */
export function rowsOf(roadmaps: DraftRoadmap[], r: number): { row: DraftRow; path: RowPath }[] {
  return (roadmaps[r]?.sections ?? []).flatMap((sec, s) =>
    sec.items.flatMap((item, i) => [
      { row: item, path: { r, s, i, sub: null } },
      ...item.subItems.map((row, sub) => ({ row, path: { r, s, i, sub } })),
    ]),
  );
}

export const countItems = (r: DraftRoadmap) =>
  r.sections.reduce((n, s) => n + s.items.reduce((m, i) => m + 1 + i.subItems.length, 0), 0);

/** The row with the new value of a cell; a new deadline wording is read again, as the parser did. */
export function withCell(row: DraftRow, field: CellField, value: string, r: DraftRoadmap): DraftRow {
  const next: DraftRow = { ...row, edited: true };
  if (field === 'level') next.level = isLevel(value) ? value : null;
  else if (field === 'deadline') {
    const text = value.trim() || null;
    if (r.periodKind && r.periodYear) {
      const reading = readDeadline(text, { periodKind: r.periodKind, periodYear: r.periodYear }, true);
      next.deadline = reading.deadline;
      next.deadlineNotes = reading.notes;
    } else {
      next.deadline = { text, from: null, to: null, recurrence: null };
      next.deadlineNotes = text
        ? ['Период дорожной карты не указан: срок будет прочитан при сохранении']
        : [];
    }
  } else next[field] = value;
  return next;
}

export const LEVELS: ImportLevel[] = ['региональный', 'муниципальный', 'институциональный'];
const isLevel = (v: string): v is ImportLevel => (LEVELS as string[]).includes(v);

/** The text a cell shows and edits. */
export function cellText(row: DraftRow, field: CellField): string {
  if (field === 'level') return row.level ?? '';
  if (field === 'deadline') return row.deadline.text ?? '';
  return row[field];
}

// ---------- To the API ----------

const opt = (v: string) => v.trim() || null;

function payloadRow(x: DraftRow) {
  return {
    number: opt(x.number),
    level: x.level,
    measure: x.measure.trim(),
    description: opt(x.description),
    deadline: x.deadline,
    responsible: opt(x.responsible),
    indicator: opt(x.indicator),
  };
}

/** Field paths of the request body, back to what the user sees: a roadmap or a row of it. */
export type PathIndex = Map<string, { r: number; rowKey?: string }>;

/** The roadmap's period has ended: it may be saved as an archived record (past-period.ts decides). */
export const isPastPeriod = (d: DraftRoadmap) =>
  d.periodKind !== null &&
  d.periodYear !== null &&
  periodEnded({ periodKind: d.periodKind, periodYear: d.periodYear });

export function toPayload(roadmaps: DraftRoadmap[]) {
  const index: PathIndex = new Map();
  const body = roadmaps
    .map((d, r) => ({ d, r }))
    .filter(({ d }) => d.keep)
    .map(({ d, r }, n) => {
      index.set(`roadmaps.${n}`, { r });
      const approval = {
        body: opt(d.approval.body),
        orderNumber: opt(d.approval.orderNumber),
        date: d.approval.date,
      };
      return {
        title: d.title.trim(),
        kind: d.kind,
        periodKind: d.periodKind,
        periodYear: d.periodYear,
        archive: d.archive && isPastPeriod(d),
        approval: approval.body || approval.orderNumber || approval.date ? approval : null,
        sections: d.sections.map((s, si) => ({
          number: s.number,
          title: s.title,
          items: s.items.map((item, ii) => {
            const at = `roadmaps.${n}.sections.${si}.items.${ii}`;
            index.set(at, { r, rowKey: item.key });
            item.subItems.forEach((sub, k) => {
              index.set(`${at}.subItems.${k}`, { r, rowKey: sub.key });
            });
            return { ...payloadRow(item), subItems: item.subItems.map(payloadRow) };
          }),
        })),
      };
    });
  return { roadmaps: body, index };
}

const FIELD_OF: Record<string, CellField> = {
  number: 'number',
  level: 'level',
  measure: 'measure',
  description: 'description',
  deadline: 'deadline',
  responsible: 'responsible',
  indicator: 'indicator',
};

/** Error keys: `<rowKey>:<cell>` for a cell, `r<index>:<field>` for a roadmap's requisite. */
export function errorKeyOf(field: string, index: PathIndex): string | null {
  const parts = field.split('.');
  for (let n = parts.length - 1; n >= 2; n--) {
    const hit = index.get(parts.slice(0, n).join('.'));
    if (!hit) continue;
    const rest = parts.slice(n);
    if (hit.rowKey) return `${hit.rowKey}:${FIELD_OF[rest[0] ?? ''] ?? 'measure'}`;
    return `r${hit.r}:${rest[0] === 'approval' ? (rest[1] ?? 'body') : (rest[0] ?? 'title')}`;
  }
  return null;
}

/**
 * The request schema's complaints about the roadmaps to save, under the cells and requisites they concern,
 * so that mistakes show before sending (the unit is chosen later and checked when saving).
 */
export function schemaErrors(roadmaps: DraftRoadmap[]): Record<string, string> {
  const { roadmaps: body, index } = toPayload(roadmaps);
  const r = saveImportInput.shape.roadmaps.safeParse(body);
  return r.success ? {} : issueErrors(r.error.issues, index);
}

/** Issues of saveImportInput (or the server's fields) keyed as errorKeyOf does. */
export function issueErrors(
  issues: { path: PropertyKey[]; message: string }[],
  index: PathIndex,
  prefix = 'roadmaps',
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const i of issues) {
    const field = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const key = field === 'orgUnitId' ? 'orgUnitId' : (errorKeyOf(field, index) ?? field);
    errors[key] ??= i.message;
  }
  return errors;
}
