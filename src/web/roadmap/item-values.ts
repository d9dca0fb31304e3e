// The item form's values: what the inputs hold, how they come from an item and go to the API.
import type { ItemView } from '../shared/types.js';

export type ItemValues = {
  number: string;
  level: ItemView['level'];
  measure: string;
  description: string;
  deadlineText: string;
  periodFrom: string | null;
  periodTo: string | null;
  recurrence: ItemView['recurrence'];
  dueDate: string | null;
  responsibleUnitIds: string[];
  responsibleText: string;
  participants: string;
  indicator: string;
  targetComparator: ItemView['targetComparator'];
  targetValue: number | null;
  targetUnit: string;
  actualValue: number | null;
  evidenceKind: ItemView['evidenceKind'];
  targetCoverage: boolean;
  proofWaiver: string;
};

export type ItemKey = keyof ItemValues;

export const ITEM_KEYS: ItemKey[] = [
  'number',
  'level',
  'measure',
  'description',
  'deadlineText',
  'periodFrom',
  'periodTo',
  'recurrence',
  'dueDate',
  'responsibleUnitIds',
  'responsibleText',
  'participants',
  'indicator',
  'targetComparator',
  'targetValue',
  'targetUnit',
  'actualValue',
  'evidenceKind',
  'targetCoverage',
  'proofWaiver',
];

/** Fields the server derives from the deadline wording unless they are given explicitly. */
export const DERIVED_KEYS: ItemKey[] = ['periodFrom', 'periodTo', 'recurrence', 'dueDate'];

export function valuesOf(i: ItemView): ItemValues {
  return {
    number: i.number ?? '',
    level: i.level,
    measure: i.measure,
    description: i.description ?? '',
    deadlineText: i.deadlineText ?? '',
    periodFrom: i.periodFrom,
    periodTo: i.periodTo,
    recurrence: i.recurrence,
    dueDate: i.dueDate,
    responsibleUnitIds: i.responsibleUnits.map((u) => u.id).sort(),
    responsibleText: i.responsibleText ?? '',
    participants: i.participants ?? '',
    indicator: i.indicator ?? '',
    targetComparator: i.targetComparator,
    targetValue: i.targetValue,
    targetUnit: i.targetUnit ?? '',
    actualValue: i.actualValue,
    evidenceKind: i.evidenceKind,
    targetCoverage: i.targetCoverage,
    proofWaiver: i.proofWaiver ?? '',
  };
}

export function emptyValues(number: string): ItemValues {
  return {
    number,
    level: null,
    measure: '',
    description: '',
    deadlineText: '',
    periodFrom: null,
    periodTo: null,
    recurrence: null,
    dueDate: null,
    responsibleUnitIds: [],
    responsibleText: '',
    participants: '',
    indicator: '',
    targetComparator: null,
    targetValue: null,
    targetUnit: '',
    actualValue: null,
    evidenceKind: null,
    targetCoverage: false,
    proofWaiver: '',
  };
}

const norm = (v: ItemValues[ItemKey]) => {
  if (Array.isArray(v)) return JSON.stringify([...v].sort());
  if (typeof v === 'string') return v.trim();
  return v === null ? '' : String(v);
};

export const same = (a: ItemValues, b: ItemValues, k: ItemKey) => norm(a[k]) === norm(b[k]);

export const changedKeys = (from: ItemValues, to: ItemValues) => ITEM_KEYS.filter((k) => !same(from, to, k));

/** The given fields as they are: the request schema trims them and makes empty text null. */
export function toPayload(v: ItemValues, keys: ItemKey[]): Partial<ItemValues> {
  return Object.fromEntries(keys.map((k) => [k, v[k]]));
}
