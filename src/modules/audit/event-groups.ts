import { EVENT_PAYLOADS, type EventType } from './events.js';
import type { EventTarget } from './record-event.js';

// The groups the audit log offers as one choice (issue 17 §7). A group is a list of types computed once
// from the closed list by the types' prefixes, so a new `item.*` event joins «Дорожные карты» by itself;
// every type falls into exactly one group (event-labels.test.ts checks it).

export const EVENT_GROUP_KEYS = [
  'sign_in',
  'accounts',
  'personal_data',
  'roadmaps',
  'orgs',
  'identification',
  'risks',
  'programs',
  'organisation',
  'analysis',
  'people',
  'pupils',
  'openness',
  'system',
] as const;
export type EventGroup = (typeof EVENT_GROUP_KEYS)[number];

export const EVENT_GROUP_LABELS: Record<EventGroup, string> = {
  sign_in: 'Вход и сеансы',
  accounts: 'Учётные записи и роли',
  personal_data: 'Чтение персональных данных',
  roadmaps: 'Дорожные карты',
  orgs: 'Организации',
  identification: 'Данные и выявление ШНОР',
  risks: 'Анкетирование и рисковые профили',
  programs: 'Программы школ и экспертиза',
  organisation: 'Организация работы',
  analysis: 'Показатели, мониторинги и справки',
  people: 'Педагоги',
  pupils: 'Обучающиеся группы риска',
  openness: 'Публикация, практики и уведомления',
  system: 'Журнал и перенос данных',
};

/** Reading of personal data: the cards and the exports of pupils and teachers, not list views. */
const PERSONAL_DATA: readonly string[] = [
  'pupil.card_read',
  'pupil.exported',
  'staff.card_read',
  'staff.exported',
];
const SIGN_IN: readonly string[] = [
  'user.logged_in',
  'user.login_failed',
  'user.logged_out',
  'user.mfa_failed',
  'user.mfa_recovery_used',
  'session.ended',
];

const BY_PREFIX: [string, EventGroup][] = [
  ['user', 'accounts'],
  ['assignment', 'accounts'],
  ['roadmap', 'roadmaps'],
  ['section', 'roadmaps'],
  ['item', 'roadmaps'],
  ['task', 'roadmaps'],
  ['org_unit', 'orgs'],
  ['org_units', 'orgs'],
  ['assessment_data', 'identification'],
  ['assessment_table_template', 'identification'],
  ['school_name_confirmation', 'identification'],
  ['methodology', 'identification'],
  ['identification_run', 'identification'],
  ['identification_list', 'identification'],
  ['risk_instrument', 'risks'],
  ['risk_factors', 'risks'],
  ['risk_profiles', 'risks'],
  ['risk_verification', 'risks'],
  ['risk_campaign', 'risks'],
  ['school_document', 'programs'],
  ['program_template', 'programs'],
  ['expertise_criteria', 'programs'],
  ['expertise_review', 'programs'],
  ['expertise_round', 'programs'],
  ['expertise_sample', 'programs'],
  ['event', 'organisation'],
  ['working_body', 'organisation'],
  ['meeting', 'organisation'],
  ['meeting_decision', 'organisation'],
  ['organisation_order', 'organisation'],
  ['coordinator', 'organisation'],
  ['curator', 'organisation'],
  ['mentor_pair', 'organisation'],
  ['agreement', 'organisation'],
  ['indicator', 'analysis'],
  ['indicator_target', 'analysis'],
  ['monitoring', 'analysis'],
  ['monitoring_response', 'analysis'],
  ['analytic_report', 'analysis'],
  ['staff', 'people'],
  ['staff_member', 'people'],
  ['individual_route', 'people'],
  ['route_activity', 'people'],
  ['course', 'people'],
  ['course_enrolment', 'people'],
  ['deficit_scale', 'people'],
  ['diagnostic', 'people'],
  ['teacher_mentorship', 'people'],
  ['pupil', 'pupils'],
  ['pupils', 'pupils'],
  ['pupil_measure', 'pupils'],
  ['pupil_result', 'pupils'],
  ['pupil_checkpoints', 'pupils'],
  ['publication', 'openness'],
  ['practice', 'openness'],
  ['escalation_rule', 'openness'],
  ['notification_settings', 'openness'],
  ['audit', 'system'],
  ['region', 'system'],
];

/** The group of a type; null only for a type the prefixes do not know (the test keeps it empty). */
export function groupOf(type: string): EventGroup | null {
  if (PERSONAL_DATA.includes(type)) return 'personal_data';
  if (SIGN_IN.includes(type)) return 'sign_in';
  const prefix = type.split('.')[0] ?? '';
  return BY_PREFIX.find(([p]) => p === prefix)?.[1] ?? null;
}

export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[];

/** The types of each group, in the order of the closed list. */
export const GROUP_TYPES: Record<EventGroup, EventType[]> = Object.fromEntries(
  EVENT_GROUP_KEYS.map((g) => [g, EVENT_TYPES.filter((t) => groupOf(t) === g)]),
) as Record<EventGroup, EventType[]>;

/** What an event is about, in Russian (the column «Объект»). */
export const ENTITY_LABELS: Record<EventTarget['entityType'], string> = {
  roadmap: 'Дорожная карта',
  section: 'Раздел дорожной карты',
  item: 'Мероприятие',
  task: 'Задача',
  org_unit: 'Организация',
  user: 'Учётная запись',
  session: 'Сеанс',
  assessment_data: 'Результаты оценочных процедур',
  methodology: 'Методика выявления',
  identification_run: 'Расчёт выявления',
  identification_list: 'Список школ',
  risk_instrument: 'Анкеты',
  risk_factors: 'Факторы риска',
  school_document: 'Документ школы',
  program_template: 'Шаблон программы',
  expertise_criteria_set: 'Критерии экспертизы',
  expertise_review: 'Заключение экспертизы',
  expertise_round: 'Взаимная экспертиза',
  expertise_sample: 'Выборка для экспертизы',
  risk_campaign: 'Анкетирование',
  risk_verification: 'Верификация профиля',
  event: 'Мероприятие организации работы',
  working_body: 'Рабочий орган',
  meeting: 'Заседание',
  meeting_decision: 'Решение заседания',
  organisation_order: 'Приказ',
  coordinator_appointment: 'Назначение координатора',
  curator: 'Куратор',
  curator_assignment: 'Закрепление куратора',
  mentor_pair: 'Пара «ШНОР — наставник»',
  partnership_agreement: 'Сетевое соглашение',
  indicator_definition: 'Показатель',
  indicator_target: 'Цель показателя',
  monitoring: 'Мониторинг',
  monitoring_response: 'Форма мониторинга',
  analytic_report: 'Аналитическая справка',
  staff_member: 'Педагог',
  deficit_scale: 'Шкала дефицитов',
  deficit_diagnostic: 'Диагностика',
  diagnostic_import: 'Загрузка диагностики',
  individual_route: 'ИОМ',
  route_activity: 'Мероприятие ИОМ',
  course: 'Курс',
  course_enrolment: 'Запись на курс',
  teacher_mentorship: 'Наставничество',
  pupil_record: 'Обучающийся',
  publication: 'Публикация',
  practice: 'Практика',
  notification_settings: 'Настройки уведомлений',
  escalation_rule: 'Правила эскалации',
  assessment_table_template: 'Шаблон таблицы',
  school_name_confirmation: 'Название школы в таблице',
  audit_log: 'Журнал аудита',
};
