import { DEADLINE_KINDS, type DeadlineKind } from '../../modules/deadlines/kinds.js';
import { KIND_LABELS } from '../../modules/deadlines/strings.js';

// Words of the «Эскалации» page (issue 15 §3); the notices' words are in modules/deadlines/strings.ts.

export const L = {
  title: 'Эскалации',
  intro:
    'Работа нижестоящих организаций, просроченная дольше порога региона: школ — куратору и муниципалитету, муниципалитетов — региону. Список считается по самим срокам, а не по уведомлениям.',
  municipality: 'Муниципалитет',
  kind: 'Вид',
  all: 'Все',
  columns: ['Вид', 'Что', 'Организация', 'Срок', 'Просрочено', 'Кому передано'],
  empty: 'Просроченной работы выше порога нет.',
  open: 'Открыть',
  rulesTitle: 'Правила напоминаний и эскалации',
  save: 'Сохранить',
  saved: 'Правила сохранены',
  defaults: 'Действуют правила по умолчанию (ещё не изменялись).',
  disabled: 'Напоминания и эскалация в регионе выключены.',
  changed: (who: string | null, when: string) => `Изменены ${when}${who ? `, ${who}` : ''}.`,
};

/** Short names of the kinds for the table and the filter. */
export const KIND_SHORT: Record<DeadlineKind, string> = {
  item: 'Мероприятие',
  task: 'Задача',
  decision: 'Решение',
  activity: 'ИОМ',
  monitoring: 'Мониторинг',
};

export const KIND_OPTIONS = DEADLINE_KINDS.map((k) => ({ value: k, label: KIND_SHORT[k] }));
export { KIND_LABELS };
