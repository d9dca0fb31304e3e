import { counted, GEN_WORDS, WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import type { ItemView } from '../shared/types.js';

export type ItemStatus = ItemView['status'];
export type Level = NonNullable<ItemView['level']>;

/** Statuses in the order people go through them. */
export const ITEM_STATUSES: ItemStatus[] = [
  'planned',
  'in_progress',
  'done',
  'not_done',
  'postponed',
  'cancelled',
];
export const LEVELS: Level[] = ['regional', 'municipal', 'school'];

/** The same colours as StatusBadge, for bars and calendar chips. */
export const STATUS_COLORS: Record<ItemStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  done: 'green',
  not_done: 'red',
  postponed: 'yellow',
  cancelled: 'dark',
};

export const WORK_VIEWS = ['mine', 'tasks', 'overdue', 'upcoming', 'awaiting', 'calendar'] as const;
export type WorkView = (typeof WORK_VIEWS)[number];

export const WORK_VIEW_LABELS: Record<WorkView, string> = {
  mine: 'Мои задачи',
  tasks: 'К исполнению',
  overdue: 'Просроченные',
  upcoming: 'Ближайшие сроки (30 дней)',
  awaiting: 'Ждут подтверждения',
  calendar: 'Календарь',
};

export const itemLink = (roadmapId: string, itemId?: string) =>
  itemId ? `/roadmaps/${roadmapId}?item=${itemId}` : `/roadmaps/${roadmapId}`;

/** «21 мероприятие», «22 мероприятия». */
export const itemsWord = (n: number) => countLabel(n, WORDS.item);

/** Counted messages of the work pages (tests/plural.test.ts runs each with many counts). */
export const WORK_COUNTED = {
  /** «Выполнено 3 из 21 задачи»: the part after «Выполнено N». */
  ofTasks: counted(GEN_WORDS.task, (c) => `из ${c}`),
};
