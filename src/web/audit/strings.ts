import {
  EVENT_GROUP_KEYS,
  EVENT_GROUP_LABELS,
  EVENT_TYPES,
  groupOf,
} from '../../modules/audit/event-groups.js';
import { EVENT_LABELS } from '../../modules/audit/event-labels.js';

// The words of «Журнал аудита» (issue 17 §7) in one place; the names of events and groups come from the
// server's one map (modules/audit/event-labels.ts, event-groups.ts).

export const L = {
  title: 'Журнал аудита',
  intro:
    'Кто, что и когда сделал в системе в вашем регионе: изменения, входы, назначения ролей и чтение персональных данных (карточки и выгрузки обучающихся и педагогов). Время — московское.',
  user: 'Пользователь',
  userPlaceholder: 'ФИО или логин',
  object: 'Объект',
  objectPlaceholder: 'Название, мероприятие, логин…',
  groups: 'Группы событий',
  types: 'Виды событий',
  any: 'все',
  from: 'С даты',
  to: 'По дату',
  search: 'Найти',
  reset: 'Сбросить',
  csv: 'Скачать CSV',
  csvHint: 'По текущему отбору, не более 100 000 строк; выгрузка записывается в журнал',
  more: 'Показать ещё',
  empty: 'Событий по этому отбору нет.',
  columns: ['Время', 'Кто', 'Событие', 'Объект', 'Было → стало, сведения'],
  field: 'Поле',
  before: 'Было',
  after: 'Стало',
  system: 'Система',
  open: 'Открыть',
} as const;

export const GROUP_OPTIONS = EVENT_GROUP_KEYS.map((g) => ({ value: g, label: EVENT_GROUP_LABELS[g] }));

/** Every event type, grouped as in the filter of groups. */
export const TYPE_OPTIONS = EVENT_GROUP_KEYS.map((g) => ({
  group: EVENT_GROUP_LABELS[g],
  items: EVENT_TYPES.filter((t) => groupOf(t) === g).map((t) => ({ value: t, label: EVENT_LABELS[t] })),
}));

/** «07.12.2026, 12:30:05» in Moscow time. */
export function moscowDateTime(iso: string): string {
  return new Date(iso).toLocaleString('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
