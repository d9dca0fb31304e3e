import type { CourseFormat, CourseKind, EnrolmentStatus } from '../../db/schema/values.js';

// Words of the courses module: the catalogue, enrolments, the course demand (issue 14 §1).

export const COURSE_KIND_LABELS: Record<CourseKind, string> = {
  pk: 'Повышение квалификации',
  pp: 'Профессиональная переподготовка',
  internship: 'Стажировка',
};

export const COURSE_FORMAT_LABELS: Record<CourseFormat, string> = {
  in_person: 'Очно',
  remote: 'Дистанционно',
  blended: 'Смешанно',
};

export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  enrolled: 'Записан',
  completed: 'Прошёл',
  not_completed: 'Не прошёл',
};

/**
 * Topics of courses and of the demand: the block keys of the diagnostics of professional deficits
 * (предметный, методический, психолого-педагогический, нормативно-правовой) and a few topics the
 * educational needs campaign asks about besides them.
 */
export const COURSE_TOPICS = [
  { key: 'subject', name: 'Предметные компетенции' },
  { key: 'methodical', name: 'Методические компетенции' },
  { key: 'psychological', name: 'Психолого-педагогические компетенции' },
  { key: 'legal', name: 'Нормативно-правовые компетенции' },
  { key: 'management', name: 'Управление школой' },
  { key: 'digital', name: 'Цифровые компетенции' },
] as const;
export type CourseTopic = (typeof COURSE_TOPICS)[number]['key'];
export const COURSE_TOPIC_KEYS = COURSE_TOPICS.map((t) => t.key) as [CourseTopic, ...CourseTopic[]];

/** The name of a topic; an unknown key (a diagnostic's own block) is shown as it is. */
export const topicName = (key: string | null) =>
  key === null ? 'Без темы' : (COURSE_TOPICS.find((t) => t.key === key)?.name ?? key);

/** The group of a school in the demand: ШНОР by the list in force, зона риска, the others. */
export const DEMAND_GROUPS = ['shnor', 'risk_zone', 'other'] as const;
export type DemandGroup = (typeof DEMAND_GROUPS)[number];
export const DEMAND_GROUP_LABELS: Record<DemandGroup, string> = {
  shnor: 'ШНОР',
  risk_zone: 'Зона риска',
  other: 'Другие школы',
};

/** The needs campaign's categories of people. */
export const NEED_CATEGORIES = [
  { value: 'management', label: 'Управленческая команда' },
  { value: 'teachers', label: 'Учителя' },
] as const;

/** The template of the educational needs campaign (monitoring/templates.ts); the demand reads its answers. */
export const NEEDS_TEMPLATE = 'educational_needs';

export const COURSE_MSG = {
  ownerKind: 'Каталог курсов ведут регион и муниципалитеты',
  keepForbidden: 'Каталог курсов этой организации ведут региональный центр, оператор или её муниципалитет',
  datesOrder: 'Дата окончания не может быть раньше даты начала',
  enrolForbidden: 'Записывать педагогов этой школы на курсы может команда школы, её муниципалитет или регион',
  schoolOutside: 'Школа педагога не относится к организации, которая ведёт курс',
  staffNotFound: 'Педагог не найден в реестре',
  alreadyEnrolled: 'Педагог уже записан на этот курс',
  activityForeign: 'Мероприятие маршрута должно быть курсом из маршрута этого же педагога',
  activityRouteNotRunning:
    'Записать на курс по мероприятию ИОМ можно, только пока ИОМ утверждён или выполняется: черновик ещё не утверждён, закрытый ИОМ не меняется',
  completedOnNeeded: 'Укажите дату прохождения',
  completedOnNotForEnrolled: 'Дата прохождения указывается только для прошедших и не прошедших курс',
  certificateForbidden: 'Удостоверение загружает педагог, команда его школы, муниципалитет или регион',
  noCertificate: 'Удостоверение не загружено',
  hasEnrolments: 'На курс уже записаны педагоги: удалить его нельзя',
  activityDoneNote: (course: string) => `Курс «${course}» пройден, удостоверение приложено`,
} as const;
