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

/** «из N» with the Russian plural of «мероприятие». */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

export const itemsWord = (n: number) => `${n} ${plural(n, 'мероприятие', 'мероприятия', 'мероприятий')}`;
