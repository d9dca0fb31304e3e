// Words of the event pages (issue 12 §3).
export {
  AUDIENCE_GROUP_LABELS,
  EVENT_KIND_LABELS,
  EVENT_STATUS_LABELS,
  PARTICIPANT_CATEGORY_LABELS,
  PARTICIPANT_FORMS,
  PERSON_FORMS,
} from '../../modules/organisation/event-labels.js';

export const STATUS_COLORS = { draft: 'gray', announced: 'blue', held: 'green', cancelled: 'red' } as const;
export const LEVEL_LABELS = {
  region: 'Региональные',
  municipality: 'Муниципальные',
  school: 'Школьные',
} as const;
export const MINE_LABELS = {
  invited: 'Приглашены',
  registered: 'Зарегистрированы',
  attended: 'Участвовали',
} as const;

export const E = {
  title: 'Мероприятия',
  calendar: 'Календарь',
  list: 'Список',
  mine: 'Мои мероприятия',
  create: 'Новое мероприятие',
  empty: 'Мероприятий за выбранный период нет',
  emptyMine: 'Вас и вашу организацию пока никуда не пригласили',
  anyKind: 'Любой вид',
  anyLevel: 'Любой уровень',
  month: 'Месяц',
  invitedUnits: 'Приглашённые организации',
  participants: 'Участники',
  materials: 'Материалы',
  summary: 'Охват',
  register: 'Зарегистрировать участника',
  import: 'Загрузить список участников',
  dryRun: 'Проверить файл',
  doImport: 'Загрузить',
  announce: 'Объявить',
  hold: 'Отметить проведённым',
  cancel: 'Отменить мероприятие',
  markAttended: 'Отметить присутствие',
  unmarkAttended: 'Снять отметку',
  addLink: 'Добавить ссылку',
  addFile: 'Приложить файл',
} as const;
