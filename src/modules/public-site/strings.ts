import type { PublicationKind } from '../../db/schema/values.js';

// Every text of the public site in one place (issue 15 §1).

export const SITE = {
  name: 'Опора — открытая информация',
  tagline:
    'Работа со школами с низкими результатами обучения и школами в неблагоприятных социальных условиях',
  skip: 'Перейти к основному содержимому',
  home: 'Все регионы',
  a11yOn: 'Версия для слабовидящих',
  a11yOff: 'Обычная версия',
  fontSize: 'Размер шрифта:',
  colours: 'Цвета:',
  practices: 'Банк практик',
  openData: 'Открытые данные',
  footer:
    'Материалы опубликованы органами управления образованием и школами. Персональные данные не публикуются.',
};

export const SIZE_LABELS = { m: 'обычный', l: 'крупный', xl: 'очень крупный' } as const;
export const SCHEME_LABELS = { bw: 'чёрным по белому', wb: 'белым по чёрному' } as const;

/** Headings of a unit page's sections, in the order shown. */
export const KIND_SECTIONS: Record<PublicationKind, string> = {
  roadmap: 'Дорожные карты',
  school_document: 'Программы и концептуальные документы',
  analytic_report: 'Аналитические справки и отчёты',
  identification_list: 'Списки школ',
};
export const KIND_ORDER: PublicationKind[] = [
  'roadmap',
  'school_document',
  'analytic_report',
  'identification_list',
];

export const UNIT_KIND_LABELS: Record<string, string> = {
  region: 'Регион',
  municipality: 'Муниципалитет',
  school: 'Школа',
  institution: 'Учреждение',
};

export const CHILD_HEADINGS: Record<string, string> = {
  region: 'Муниципалитеты',
  municipality: 'Школы',
};

/** Live status of a measure on a roadmap published with its execution (legend order). */
export const STATUS_LABELS: Record<string, string> = {
  planned: 'запланировано',
  in_progress: 'в работе',
  done: 'выполнено',
  not_done: 'не выполнено',
  postponed: 'перенесено',
  cancelled: 'отменено',
};

export const ROADMAP_COLUMNS = ['№', 'Мероприятие', 'Сроки', 'Ответственные', 'Показатель', 'Результат'];

/** «05.03.2026» from an ISO date or timestamp, the day in Moscow. */
export function ruDate(iso: string | null): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);
}
