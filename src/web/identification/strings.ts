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
