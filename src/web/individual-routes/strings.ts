export {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_STATUS_LABELS,
  ROUTE_STATUS_LABELS,
} from '../../modules/individual-routes/strings.js';

// Words of the pages of individual routes (ИОМ).

export const ROUTE_STATUS_COLORS = {
  draft: 'gray',
  approved: 'blue',
  in_progress: 'yellow',
  mastered: 'green',
  not_mastered: 'red',
} as const;

export const ACTIVITY_STATUS_COLORS = {
  planned: 'gray',
  done: 'blue',
  confirmed: 'green',
  returned: 'orange',
} as const;

export const R = {
  title: 'ИОМ педагогов',
  intro:
    'Индивидуальные образовательные маршруты педагогов с высоким и критическим уровнем профессиональных дефицитов.',
  needing: 'Нужен ИОМ',
  needingHint:
    'Педагоги, у которых по последней диагностике есть блок с уровнем, требующим ИОМ, а маршрута на этот год нет.',
  build: 'Построить ИОМ из дефицитов',
  buildEmpty: 'Пустой ИОМ',
  built: 'ИОМ построен',
  noRoutes: 'ИОМ на этот учебный год нет.',
  goals: 'Цели',
  activities: 'Действия',
  history: 'История изменений',
  results: 'Результаты диагностик',
  approve: 'Утвердить',
  start: 'Начать выполнение',
  close: 'Закрыть ИОМ',
  docx: 'Скачать ИОМ (DOCX)',
  addGoal: 'Добавить цель',
  addActivity: 'Добавить действие',
  markDone: 'Отметить выполненным',
  attach: 'Приложить файл',
  confirm: 'Подтвердить',
  giveBack: 'Вернуть',
  edit: 'Изменить',
  remove: 'Удалить',
  saved: 'Сохранено',
  myRoute: 'Индивидуальный образовательный маршрут',
  myRouteNone: 'Индивидуального маршрута у вас пока нет.',
  overdue: 'просрочено',
} as const;
