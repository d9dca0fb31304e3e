// The wizard's state: the parsed document as the user corrects it. Nothing leaves the browser before «Сохранить».
import { useReducer } from 'react';
import { readDeadline } from '../../modules/documents/import/deadline.js';
import type { ApiData } from '../shared/api.js';
import {
  type CellField,
  type DraftItem,
  type DraftRoadmap,
  type DraftRow,
  draftsOf,
  type RowPath,
  withCell,
} from './model.js';
import type { ImportResult } from './types.js';
import { attachWarnings, type DraftWarning } from './warnings.js';

export type Saved = ApiData<'/api/roadmap-imports', 'post'>;

export type ImportState = {
  step: number;
  fileName: string | null;
  roadmaps: DraftRoadmap[];
  warnings: DraftWarning[];
  /** `<rowKey>:<cell>` or `r<index>:<field>` → message, from the server or the local check. */
  errors: Record<string, string>;
  orgUnitId: string | null;
  saved: Saved | null;
};

export type RoadmapPatch = Partial<
  Pick<DraftRoadmap, 'keep' | 'title' | 'kind' | 'periodKind' | 'periodYear' | 'approval' | 'archive'>
>;

export type ImportAction =
  | { type: 'parsed'; fileName: string; result: ImportResult }
  | { type: 'step'; step: number }
  | { type: 'roadmap'; r: number; patch: RoadmapPatch }
  | { type: 'cell'; path: RowPath; field: CellField; value: string }
  | { type: 'check'; path: RowPath; checked: boolean }
  | { type: 'delete'; path: RowPath }
  | { type: 'move'; path: RowPath; dir: -1 | 1 }
  | { type: 'warning'; id: number; checked: boolean }
  | { type: 'unit'; orgUnitId: string | null }
  | { type: 'errors'; errors: Record<string, string>; step?: number }
  | { type: 'saved'; saved: Saved }
  | { type: 'reset' };

export const INITIAL: ImportState = {
  step: 0,
  fileName: null,
  roadmaps: [],
  warnings: [],
  errors: {},
  orgUnitId: null,
  saved: null,
};

const replace = <T>(list: T[], index: number, fn: (x: T) => T) =>
  list.map((x, k) => (k === index ? fn(x) : x));

function updateItems(
  roadmaps: DraftRoadmap[],
  p: RowPath,
  fn: (items: DraftItem[]) => DraftItem[],
): DraftRoadmap[] {
  return replace(roadmaps, p.r, (d) => ({
    ...d,
    sections: replace(d.sections, p.s, (s) => ({ ...s, items: fn(s.items) })),
  }));
}

function updateRow(roadmaps: DraftRoadmap[], p: RowPath, fn: (row: DraftRow) => DraftRow) {
  return updateItems(roadmaps, p, (items) =>
    replace(items, p.i, (item) =>
      p.sub === null ? { ...item, ...fn(item) } : { ...item, subItems: replace(item.subItems, p.sub, fn) },
    ),
  );
}

function withoutError(errors: Record<string, string>, key: string) {
  if (!(key in errors)) return errors;
  const { [key]: _, ...rest } = errors;
  return rest;
}

/** A measure to the end of the previous section or the start of the next one. */
function move(roadmaps: DraftRoadmap[], p: RowPath, dir: -1 | 1): DraftRoadmap[] {
  const d = roadmaps[p.r];
  const item = d?.sections[p.s]?.items[p.i];
  const target = p.s + dir;
  if (!d || !item || !d.sections[target]) return roadmaps;
  const moved = { ...item, edited: true };
  return replace(roadmaps, p.r, (x) => ({
    ...x,
    sections: x.sections.map((s, k) => {
      if (k === p.s) return { ...s, items: s.items.filter((_, n) => n !== p.i) };
      if (k === target) return { ...s, items: dir < 0 ? [...s.items, moved] : [moved, ...s.items] };
      return s;
    }),
  }));
}

/** A new period changes how deadlines without a year read: every wording is read again. */
function rereadDeadlines(d: DraftRoadmap): DraftRoadmap {
  const { periodKind, periodYear } = d;
  if (!periodKind || !periodYear || periodYear < 2015 || periodYear > 2100) return d;
  const reread = (row: DraftRow): DraftRow => {
    if (!row.deadline.text) return row;
    const r = readDeadline(row.deadline.text, { periodKind, periodYear }, true);
    return { ...row, deadline: r.deadline, deadlineNotes: r.notes };
  };
  return {
    ...d,
    sections: d.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({ ...i, ...reread(i), subItems: i.subItems.map(reread) })),
    })),
  };
}

export function reducer(state: ImportState, a: ImportAction): ImportState {
  switch (a.type) {
    case 'parsed': {
      const roadmaps = draftsOf(a.result);
      return {
        ...INITIAL,
        step: 1,
        fileName: a.fileName,
        roadmaps,
        warnings: attachWarnings(a.result.warnings, roadmaps),
        orgUnitId: state.orgUnitId,
      };
    }
    case 'step':
      return { ...state, step: a.step };
    case 'roadmap': {
      const onlyKeep = Object.keys(a.patch).every((k) => k === 'keep' || k === 'archive');
      const periodChanged = 'periodKind' in a.patch || 'periodYear' in a.patch;
      let errors = state.errors;
      for (const k of Object.keys(a.patch)) errors = withoutError(errors, `r${a.r}:${k}`);
      if (a.patch.approval)
        for (const k of ['body', 'orderNumber', 'date']) errors = withoutError(errors, `r${a.r}:${k}`);
      return {
        ...state,
        errors,
        roadmaps: replace(state.roadmaps, a.r, (d) => {
          const next = { ...d, ...a.patch, edited: d.edited || !onlyKeep };
          return periodChanged ? rereadDeadlines(next) : next;
        }),
      };
    }
    case 'cell': {
      const d = state.roadmaps[a.path.r];
      if (!d) return state;
      let key = '';
      const roadmaps = updateRow(state.roadmaps, a.path, (row) => {
        key = row.key;
        return withCell(row, a.field, a.value, d);
      });
      return { ...state, roadmaps, errors: withoutError(state.errors, `${key}:${a.field}`) };
    }
    case 'check':
      return {
        ...state,
        roadmaps: updateRow(state.roadmaps, a.path, (row) => ({ ...row, checked: a.checked })),
      };
    case 'delete':
      return {
        ...state,
        roadmaps: updateItems(state.roadmaps, a.path, (items) =>
          a.path.sub === null
            ? items.filter((_, k) => k !== a.path.i)
            : replace(items, a.path.i, (item) => ({
                ...item,
                subItems: item.subItems.filter((_, k) => k !== a.path.sub),
              })),
        ),
      };
    case 'move':
      return { ...state, roadmaps: move(state.roadmaps, a.path, a.dir) };
    case 'warning':
      return { ...state, warnings: replace(state.warnings, a.id, (w) => ({ ...w, checked: a.checked })) };
    case 'unit':
      return { ...state, orgUnitId: a.orgUnitId, errors: withoutError(state.errors, 'orgUnitId') };
    case 'errors':
      return { ...state, errors: a.errors, step: a.step ?? state.step };
    case 'saved':
      return { ...state, saved: a.saved };
    case 'reset':
      return { ...INITIAL, orgUnitId: state.orgUnitId };
  }
}

export function useImportState() {
  return useReducer(reducer, INITIAL);
}
