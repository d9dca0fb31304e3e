import { type CountedTable, counted, GEN_WORDS, WORDS } from '../../lib/counted.js';

// Russian texts of the staff registry and of mentoring «учитель–учитель» (issue 14 §1).

export const STAFF_MSG = {
  keepOnly: 'Реестр педагогов ведёт управленческая команда школы',
  codeTaken: (code: string) => `Педагог с кодом «${code}» уже есть в реестре школы`,
  hasWork:
    'У педагога есть результаты диагностики, маршрут, курсы, наставничество или работа с обучающимися (меры поддержки, закреплённые обучающиеся): удалить нельзя, отметьте «выбыл»',
  noLogin: 'Учётная запись с таким логином не найдена',
  notTeacherHere: 'У этой учётной записи нет роли «учитель» в школе педагога',
  accountTaken: 'Эта учётная запись уже связана с другим педагогом школы',
  notSchool: 'Реестр педагогов ведётся только для школ',
  mentorOrder: 'Приказ о закреплении педагогов-наставников',
  mentorNeeded: 'Укажите наставника',
  mentorIsMentee: 'Педагог не может быть наставником самому себе',
  mentorNotColleague: 'Наставник-коллега должен работать в той же школе',
  mentorNotMentorSchool: 'Наставник должен работать в школе-наставнике этого учебного года',
  methodistName: 'Укажите ФИО регионального методиста',
  menteeLeft: 'Педагог выбыл из школы',
  endsBeforeStart: 'Окончание раньше начала',
  pairExists: 'У педагога уже есть этот наставник в этом учебном году',
  orderFileOnly: 'Файл приказа прикладывает управленческая команда школы',
  headerMissing: 'Не найдены столбцы «ФИО» (или «Фамилия», «Имя») и «Должность» в первых строках файла',
  noRows: 'В файле нет строк с педагогами под строкой заголовков',
  noErrors: 'Ошибок нет: можно загружать.',
};

export const STAFF_COUNTED = {
  tooManyRows: counted(GEN_WORDS.row, (n) => `В файле больше допустимого: не более ${n}`),
  importErrors: counted(
    WORDS.error,
    (n) => `Найдено: ${n}. Исправьте файл и загрузите снова — ничего не записано`,
  ),
  created: counted(WORDS.teacher, (n) => `Добавлено: ${n}`),
  updated: counted(WORDS.teacher, (n) => `обновлено: ${n}`),
} satisfies CountedTable;

export const MENTOR_KIND_LABELS = {
  colleague: 'коллега по школе',
  mentor_school: 'педагог школы-наставника',
  methodist: 'региональный методист',
} as const;
