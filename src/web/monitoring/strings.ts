import type { MonitoringResponseStatus, MonitoringStatus } from '../../db/schema/values.js';

// Russian words of the monitoring pages; the labels of statuses and kinds are the module's own.
export {
  KIND_LABELS,
  MONITORING_STATUS_LABELS,
  PARTICIPANT_MODE_LABELS,
  RESPONSE_STATUS_LABELS,
} from '../../modules/monitoring/strings.js';

export const STATUS_COLORS: Record<MonitoringStatus, string> = {
  draft: 'gray',
  open: 'blue',
  closed: 'teal',
};
export const RESPONSE_COLORS: Record<MonitoringResponseStatus, string> = {
  not_started: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

export const M = {
  title: 'Мониторинги',
  create: 'Новый мониторинг',
  empty: 'Мониторингов пока нет',
  myForms: 'Формы мониторинга к заполнению',
  noForms: 'Форм к заполнению нет',
  fill: 'Заполнить',
  open: 'Открыть мониторинг',
  close: 'Завершить мониторинг',
  export: 'Выгрузить ответы (XLSX)',
  save: 'Сохранить',
  submit: 'Отправить на проверку',
  accept: 'Принять',
  giveBack: 'Вернуть на доработку',
  saved: 'Черновик сохранён',
  submitted: 'Форма отправлена на проверку',
  accepted: 'Форма принята',
  returned: 'Форма возвращена на доработку',
  returnedTitle: 'Форма возвращена на доработку',
  comment: 'Комментарий для участника',
  fixErrors: 'Исправьте отмеченные поля',
  deadline: 'Срок',
  overdue: 'Срок прошёл',
  progress: 'Ход заполнения',
  participants: 'Участники',
  byMunicipality: 'По муниципалитетам',
  form: 'Форма',
  results: 'Результаты',
  measures: 'Мероприятия участника',
  preview: 'Так форму увидит участник',
  builder: 'Конструктор формы',
  saveForm: 'Сохранить форму',
  formSaved: 'Форма сохранена',
  opened: 'Мониторинг открыт: участники видят форму',
  closed: 'Мониторинг завершён',
} as const;
