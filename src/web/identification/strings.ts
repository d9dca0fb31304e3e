import { counted } from '../../lib/counted.js';
import type { FlagKey, ListKind, ListStatus, ListSummary, MethodologyStatus, RunStatus } from './types.js';

// Russian wording of the identification screens, in one place.

export const FLAG_KEYS: FlagKey[] = [
  'shnor',
  'shnsu',
  'riskZone',
  'resilient',
  'stagnation',
  'repeat',
  'exit',
  'objectivity',
];

export const FLAG_LABELS: Record<FlagKey, string> = {
  shnor: 'ШНОР',
  shnsu: 'ШНСУ',
  riskZone: 'Зона риска',
  resilient: 'Резильентные',
  stagnation: 'Стагнация',
  repeat: 'Повторное попадание',
  exit: 'Выход из списка',
  objectivity: 'Необъективность',
};

/**
 * Flags whose growth is good news (a resilient school, a school that left the list): a comparison shows
 * their increase in green and their decrease in red, the other way round from the rest.
 */
export const GOOD_FLAGS: ReadonlySet<FlagKey> = new Set<FlagKey>(['resilient', 'exit']);

/** Short labels for badges in table cells. */
export const FLAG_SHORT: Record<FlagKey, string> = {
  shnor: 'ШНОР',
  shnsu: 'ШНСУ',
  riskZone: 'риск',
  resilient: 'резильентная',
  stagnation: 'стагнация',
  repeat: 'повторно',
  exit: 'выход',
  objectivity: 'необъективность',
};

export const FLAG_COLORS: Record<FlagKey, string> = {
  shnor: 'red',
  shnsu: 'orange',
  riskZone: 'yellow',
  resilient: 'teal',
  stagnation: 'grape',
  repeat: 'pink',
  exit: 'green',
  objectivity: 'indigo',
};

export const METHODOLOGY_STATUS: Record<MethodologyStatus, [string, string]> = {
  draft: ['черновик', 'gray'],
  current: ['текущая', 'green'],
  archived: ['архив', 'dark'],
};

export const RUN_STATUS: Record<RunStatus, [string, string]> = {
  queued: ['в очереди', 'gray'],
  running: ['выполняется', 'blue'],
  done: ['готово', 'green'],
  failed: ['ошибка', 'red'],
};

export const LIST_STATUS: Record<ListStatus, [string, string]> = {
  draft: ['черновик', 'gray'],
  approved: ['утверждён', 'green'],
};

/** The lists a region approves on its own, in the order of an order's appendices. */
export const LIST_KINDS: ListKind[] = ['shnor', 'riskZone', 'shnsu', 'resilient'];

/** «Список ШНОР 2025 года», «Список школ в зоне риска 2025 года». */
export const LIST_KIND_NAME: Record<ListKind, string> = {
  shnor: 'Список ШНОР',
  shnsu: 'Список ШНСУ',
  riskZone: 'Список школ в зоне риска',
  resilient: 'Список резильентных школ',
};
export const listHeading = (l: Pick<ListSummary, 'kind' | 'year'>) =>
  `${LIST_KIND_NAME[l.kind]} ${l.year} года`;

/** The kind in a label: «Концентрация по муниципалитетам: зона риска». */
export const LIST_KIND_SHORT_LABEL: Record<ListKind, string> = {
  shnor: 'ШНОР',
  shnsu: 'ШНСУ',
  riskZone: 'зона риска',
  resilient: 'резильентные',
};

/** What the list is, for the selector of a new draft. */
export const LIST_KIND_HINT: Record<ListKind, string> = {
  shnor:
    'ШНОР — школы с низкими образовательными результатами (стагнация и повторное попадание — фильтры этого списка)',
  riskZone: 'Зона риска — школы в зоне риска снижения образовательных результатов',
  shnsu: 'ШНСУ — школы, функционирующие в неблагоприятных социальных условиях',
  resilient: 'Резильентные — ШНСУ с высокими результатами',
};

export const REGION_ROLES = ['regional_operator', 'regional_center', 'expert', 'admin'] as const;

export const fmtShare = (x: number | null | undefined) =>
  x === null || x === undefined
    ? '—'
    : `${(x * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`;
export const fmtNum = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined
    ? '—'
    : // A value that rounds to zero is shown as 0, not «−0,00».
      (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x).toLocaleString('ru-RU', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
export const fmtBool = (b: boolean) => (b ? 'да' : 'нет');

/** Assessment tables of any layout (issue 16 §1): the fields a column may carry, as the mapping step names them. */
// One definition of the field labels for the server's messages and the mapping step (src/lib).
export { TABLE_FIELD_LABELS } from '../../lib/assessment-table-fields.js';

export const TABLE = {
  help:
    'Таблица результатов в том виде, в каком она у вас есть (XLSX, ODS или CSV с русскими заголовками: строка на ' +
    'школу и процедуру или строка на школу с группой столбцов на каждую процедуру, количества или проценты), ' +
    'или пакет Опоры (книга XLSX с листами schools, results, context или ZIP с CSV). Столбцы распознаются ' +
    'сами; если что-то не ясно, вы укажете это на шаге сопоставления. Файл проверяется целиком и ' +
    'загружается только без ошибок.',
  scope:
    'Таблица заменяет только те строки, что в ней есть: результат школы за год по процедуре (ВПР, ОГЭ…), ' +
    'предмету и классу из файла заменяет прежний (подтверждение отметок — только если в файле есть его ' +
    'столбцы). Всё, чего в файле нет, — другие предметы, классы, процедуры, школы и контекстные данные — остаётся.',
  recognised: 'Распознано',
  changeMapping: 'Изменить сопоставление',
  templateApplied: (name: string) => `Применён сохранённый шаблон «${name}»`,
  notSure: 'Файл распознан не полностью: проверьте сопоставление столбцов и укажите недостающее.',
  schoolsTitle: 'Школы, найденные по названию: подтвердите',
  matchedSchools: 'остальные найдены по коду, логину или названию, подтверждённому раньше',
  confirmAll: 'Подтвердить все предложенные',
  unknownSchool: 'не найдена в регионе — исправьте файл или справочник организаций',
  saveTemplate: 'Сохранить сопоставление как шаблон',
  templateName: 'Название шаблона',
  previewTitle: 'Предпросмотр (первые строки после пересчёта)',
  notesTitle: 'Примечания',
  errorsTitle: 'Ошибки',
  formatTitle: 'Формат данных',
  unknownSchoolsHelp:
    'Школы таблицы ищутся среди школ региона по коду, логину или названию в муниципалитете; найденные по ' +
    'названию нужно подтвердить выше. Школы не создаются автоматически: исправьте файл или справочник.',
};

/** The school names remembered from confirmations in the import dialog, and their forgetting. */
export const SCHOOL_NAMES = {
  title: 'Запомненные названия школ',
  region: 'Регион',
  help:
    'Когда при загрузке таблицы вы подтверждаете школу, найденную по названию, название запоминается, и ' +
    'следующий файл с таким же названием в том же муниципалитете сопоставляется без вопроса. Если школа ' +
    'подтверждена ошибочно, забудьте название — при следующей загрузке оно будет предложено на подтверждение снова.',
  filter: 'Поиск по названию, школе или муниципалитету',
  empty:
    'Запомненных названий нет. Они появятся, когда при загрузке таблицы вы подтвердите школу, найденную по названию.',
  nothingFound: 'Ничего не найдено: измените текст поиска.',
  nameColumn: 'Название в файле',
  schoolColumn: 'Школа в Опоре',
  byColumn: 'Кто подтвердил',
  atColumn: 'Когда',
  forget: 'Забыть',
  forgetTitle: 'Забыть название?',
  forgetMessage: (name: string, school: string) =>
    `«${name}» больше не будет сопоставляться со школой «${school}» без вопроса: следующий файл с этим названием ` +
    'попросит подтвердить школу снова. Загруженные данные не меняются.',
  forgetOne: 'Забыть это название',
  forgotten: (name: string) => `Название «${name}» забыто`,
  forgetAll: counted(['название', 'названия', 'названий'], (n) => `Забыть все названия этой школы (${n})`),
  forgottenAll: counted(['название', 'названия', 'названий'], (n) => `Забыто: ${n}`),
  shown: counted(['название', 'названия', 'названий'], (n) => `Показано: ${n}`),
};
