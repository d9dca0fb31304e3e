// Words of the campaign pages.
export {
  CAMPAIGN_STATUS_LABELS,
  GROUP_LABELS,
} from '../../modules/risk-campaigns/strings.js';

export const STATUS_COLORS = { draft: 'gray', open: 'green', closed: 'blue' } as const;

export const C = {
  title: 'Анкетирование',
  create: 'Новое анкетирование',
  empty: 'Анкетирований пока нет',
  open: 'Открыть анкетирование',
  close: 'Завершить',
  remind: 'Напомнить',
  reminded: 'Напомнили',
  belowMin: 'ниже минимума',
  schools: 'Школы',
  responses: 'Ответы',
  instrument: 'Анкеты',
  progressHint:
    'Число ответов против ожидаемого. Группа, где ответов меньше минимума правила, не войдёт в рисковый профиль школы.',
  reminderNotice: (date: string) =>
    `${date} организация, проводящая анкетирование, напомнила: ответов пока меньше, чем ожидалось. (Письма и уведомления появятся в следующей версии.)`,
  sheet: 'Лист для печати с QR-кодами',
  teacherLinks: 'Личные ссылки учителей',
  teacherHint:
    'Каждая ссылка — для одного учителя и работает один раз. Ссылки показываются только сейчас: скопируйте или распечатайте их.',
  anonymousLinks: 'Анонимные ссылки',
  anonymousHint:
    'Одна ссылка на всех обучающихся (или родителей) школы. Ответить можно один раз с устройства; имена не спрашиваются.',
  director: 'Анкета руководителя',
  directorDone: 'Руководитель ответил',
  directorFill: 'Заполнить анкету руководителя',
} as const;
