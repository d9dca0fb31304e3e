// Counted words and counted messages. Every Russian message with a number before a noun is built here or
// in a module's strings table from these forms, so tests/plural.test.ts can run each of them with
// 1, 2, 5, 11, 21, 22, 25, 111 and a scan of the sources can refuse a count typed
// by hand before a noun.
import { countLabel, type PluralForms } from './plural.js';

/** The nouns the system counts, in the three forms after a number (1, 2–4, 5–20). */
export const WORDS = {
  item: ['мероприятие', 'мероприятия', 'мероприятий'],
  roadmap: ['дорожная карта', 'дорожные карты', 'дорожных карт'],
  section: ['раздел', 'раздела', 'разделов'],
  subItem: ['подпункт', 'подпункта', 'подпунктов'],
  task: ['задача', 'задачи', 'задач'],
  school: ['школа', 'школы', 'школ'],
  municipality: ['муниципалитет', 'муниципалитета', 'муниципалитетов'],
  institution: ['учреждение', 'учреждения', 'учреждений'],
  account: ['учётная запись', 'учётные записи', 'учётных записей'],
  warning: ['предупреждение', 'предупреждения', 'предупреждений'],
  row: ['строка', 'строки', 'строк'],
  character: ['символ', 'символа', 'символов'],
  error: ['ошибка', 'ошибки', 'ошибок'],
  minute: ['минуту', 'минуты', 'минут'],
  second: ['секунду', 'секунды', 'секунд'],
  year: ['год', 'года', 'лет'],
  file: ['файл', 'файла', 'файлов'],
  field: ['поле', 'поля', 'полей'],
  event: ['событие', 'события', 'событий'],
  rejectedField: ['поле не принято', 'поля не приняты', 'полей не принято'],
  teacher: ['педагог', 'педагога', 'педагогов'],
  pupil: ['ученик', 'ученика', 'учеников'],
  // Helper «deadlines» (issue 15 §3): «через 3 дня», «просрочено на 21 день».
  day: ['день', 'дня', 'дней'],
  // Helper «notifications» (issue 15 §3): the digest's subject «Опора: 5 новых уведомлений».
  newNotification: ['новое уведомление', 'новых уведомления', 'новых уведомлений'],
} as const satisfies Record<string, PluralForms>;

/**
 * The genitive after «из», «не длиннее», «больше»: «из 21 мероприятия», «из 22 мероприятий»,
 * «не длиннее 21 символа» — singular only after 1, 21, 101…
 */
export const GEN_WORDS = {
  item: ['мероприятия', 'мероприятий', 'мероприятий'],
  task: ['задачи', 'задач', 'задач'],
  school: ['школы', 'школ', 'школ'],
  municipality: ['муниципалитета', 'муниципалитетов', 'муниципалитетов'],
  error: ['ошибки', 'ошибок', 'ошибок'],
  character: ['символа', 'символов', 'символов'],
  row: ['строки', 'строк', 'строк'],
} as const satisfies Record<string, PluralForms>;

/**
 * A message with one counted word: `text` receives the agreed «N слово» and places it. The test runs
 * `render` with many counts and checks that «N» is followed by the form `forms` gives for it.
 */
export type CountedMessage = { forms: PluralForms; render: (n: number) => string };

export const counted = (forms: PluralForms, text: (count: string) => string): CountedMessage => ({
  forms,
  render: (n) => text(countLabel(n, forms)),
});

/** A strings module's table of counted messages: the test collects every such table. */
export type CountedTable = Record<string, CountedMessage>;

/** «не длиннее 300 символов», «не длиннее 21 символа»: the limit of a text field. */
export const notLonger = (max: number): string => `не длиннее ${countLabel(max, GEN_WORDS.character)}`;
