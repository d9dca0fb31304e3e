import type { BodyKind, DecisionStatus, MeetingKind, Periodicity } from '../../db/schema/values.js';
import type { PluralForms } from '../../lib/plural.js';

// Russian words of bodies, meetings and decisions (helper «meetings»): shared by the API's messages,
// the protocol DOCX and the browser.

export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  working_group: 'Рабочая группа',
  coordination_council: 'Координационный совет (группа)',
  methodological_association: 'Методическое объединение (ШМО/РМО)',
};

export const PERIODICITY_LABELS: Record<Periodicity, string> = {
  weekly: 'еженедельно',
  monthly: 'ежемесячно',
  quarterly: 'ежеквартально',
  half_year: 'раз в полугодие',
  yearly: 'ежегодно',
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  body_meeting: 'Заседание',
  interview: 'Собеседование с управленческой командой',
  curator_visit: 'Выезд куратора',
  review: 'Рассмотрение результатов мониторинга и анализа',
};

export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  open: 'Исполняется',
  done: 'Исполнено',
  cancelled: 'Отменено',
};

export const MEETING_WORDS = {
  meeting: ['заседание', 'заседания', 'заседаний'],
  decision: ['решение', 'решения', 'решений'],
  missedPeriod: ['пропущенный период', 'пропущенных периода', 'пропущенных периодов'],
  member: ['участник', 'участника', 'участников'],
} as const satisfies Record<string, PluralForms>;

export const MEETING_MSG = {
  reviewSubject: 'Укажите справку или мониторинг, которые рассматривались',
  reviewNotIssued: 'Решения записываются по выпущенной справке',
  reviewBody: 'Решение принимает рабочий орган организации, которая рассматривала справку',
  notKeeper: 'Рабочие органы и заседания организации ведёт тот, кто ведёт её дорожные карты',
  notMeetingKeeper: 'Заседание ведёт организация, которая его провела (или куратор школы — свой выезд)',
  notResponsible: 'Отметить исполнение может только ответственная организация решения',
  notOpen: 'Решение уже закрыто: исполнено или отменено',
  oneChair: 'У рабочего органа один председатель',
  schoolNeeded: 'Для собеседования и выезда куратора укажите школу',
  schoolNotHeld: 'Собеседование и выезд проводят муниципалитет или регион школы либо её куратор',
  bodyClosed: 'Рабочий орган не действовал в день заседания',
  activeRange: 'Дата окончания раньше даты начала',
  futureMeeting: 'Протокол нельзя вести для заседания в будущем: сначала дата',
  decisionTitle: (title: string, date: string) => `Решение заседания «${title}» от ${date}`,
};

/** «05.12.2026» from an ISO date. */
export const ruDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
