import { counted, GEN_WORDS, WORDS } from '../../lib/counted.js';

// Russian words of the diagnostics module: messages of the operations and labels of the UI.

export const DIAG_MSG = {
  scaleFirstZero: 'Первый (нижний) уровень должен начинаться с 0 %',
  scaleAscending: 'Нижние границы уровней должны строго возрастать',
  scaleKeys: 'Ключи уровней должны быть разными',
  scaleNames: 'Названия уровней должны быть разными',
  scaleCount: 'В шкале должно быть от 2 до 6 уровней',
  scaleNoRoute: 'Хотя бы один уровень должен требовать ИОМ',
  blocksKeys: 'Ключи блоков должны быть разными',
  blocksNames: 'Названия блоков должны быть разными',
  blocksLocked: 'Блоки нельзя менять: по диагностике уже есть результаты',
  previousSelf: 'Диагностика не может быть повторной к самой себе',
  previousMissing: 'Предыдущая диагностика не найдена',
  notOwner:
    'Вести диагностику может только организация-проводящая (ЦНППМ, региональный оператор, муниципалитет)',
  cannotImport: 'Загружать результаты может проводящая организация или команда школы — для своих педагогов',
  importNotReview: 'Загрузка уже применена или отменена',
  importUndecided: 'Выберите педагога или пропустите каждую сомнительную строку',
  badCandidate: 'Выбранный педагог не из списка кандидатов этой строки',
  noHeader:
    'Не найдены столбцы «ФИО» (или «Фамилия», «Имя», «Отчество») и «Код»/«Табельный номер» в первых строках файла',
  noRows: 'В файле нет строк с результатами под строкой заголовков',
} as const;

export const DIAG_COUNTED = {
  tooManyRows: counted(GEN_WORDS.row, (n) => `В файле больше ${n}: разделите его`),
  importErrors: counted(WORDS.error, (n) => `В файле ${n}: ничего не сохранено`),
  doubtful: counted(WORDS.row, (n) => `Требуют проверки: ${n}`),
  applied: counted(WORDS.teacher, (n) => `Сохранены результаты: ${n}`),
  replaced: counted(WORDS.teacher, (n) => `заменены прежние результаты: ${n}`),
};

/** Why a row is doubtful, in words for the review step. */
export const DOUBT_LABELS = {
  several: 'Несколько педагогов с таким ФИО в школе',
  near: 'ФИО совпадает не полностью (одна буква)',
  noSchool: 'Школа не найдена',
  otherSchool: 'Педагог найден только в другой школе',
  notFound: 'Педагог не найден в реестре',
} as const;
export type DoubtReason = keyof typeof DOUBT_LABELS;

export const MATCH_LABELS = {
  code: 'по коду',
  name: 'по ФИО и школе',
  review: 'выбран при проверке',
  manual: 'вручную',
} as const;
