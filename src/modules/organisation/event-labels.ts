import type { EventKind, EventStatus, ParticipantCategory, SchoolGroup } from '../../db/schema/values.js';
import { counted } from '../../lib/counted.js';
import type { PluralForms } from '../../lib/plural.js';

// Russian words of events (issue 12 §3): kinds, statuses, participant categories, messages.

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  seminar: 'Семинар',
  webinar: 'Вебинар',
  conference: 'Конференция',
  method_landing: 'Методический десант',
  project_session: 'Проектная сессия',
  master_class: 'Мастер-класс',
  method_day: 'Методический день',
  courses: 'Курсы',
  other: 'Другое',
};

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: 'Черновик',
  announced: 'Объявлено',
  held: 'Проведено',
  cancelled: 'Отменено',
};

export const PARTICIPANT_CATEGORY_LABELS: Record<ParticipantCategory, string> = {
  manager: 'Управленец',
  teacher: 'Педагог',
  specialist: 'Специалист',
  other: 'Другое',
};

export const AUDIENCE_GROUP_LABELS: Record<SchoolGroup, string> = {
  all: 'Все школы',
  shnor: 'ШНОР',
  risk_zone: 'Школы зоны риска',
};

export const PERSON_FORMS: PluralForms = ['человек', 'человека', 'человек'];
export const PARTICIPANT_FORMS: PluralForms = ['участник', 'участника', 'участников'];
export const UNIT_FORMS: PluralForms = ['организация', 'организации', 'организаций'];

export const EVENT_MSG = {
  organiserKind: 'Организатором может быть регион, муниципалитет, школа или учреждение',
  notKeeper: 'Мероприятия этой организации ведёт не ваша организация',
  dates: 'Дата окончания не раньше даты начала',
  noAudience: 'Укажите, кого приглашают: группу школ или организации',
  unitOutside: 'Приглашать можно только организации своего региона или муниципалитета',
  notDraftEdit: 'Проведённое или отменённое мероприятие не изменяется',
  transition: (from: string, to: string) => `Нельзя перевести мероприятие из состояния «${from}» в «${to}»`,
  emptyInvitation: 'По выбранной аудитории некого пригласить: уточните группу или организации',
  notAnnounced: 'Регистрация открыта только для объявленного мероприятия',
  notInvited: 'Школа не приглашена на это мероприятие',
  notSchoolTeam: 'Регистрировать участников может управленческая команда приглашённой школы или организатор',
  participantUnit: 'Укажите приглашённую организацию участника',
  notOwnParticipant: 'Удалять можно только своих участников',
  attendanceStatus: 'Отмечать присутствие можно у объявленного или проведённого мероприятия',
  importStatus: 'Загружать список участников можно у объявленного или проведённого мероприятия',
  noListInForce: (group: string) => `Нет утверждённого списка (${group}) на учебный год мероприятия`,
  materialEmpty: 'Приложите файл или укажите ссылку',
  materialUrl: 'Ссылка должна начинаться с http:// или https://',
} as const;

/** Counted messages of events (tests/plural.test.ts runs each with many counts). */
export const EVENT_COUNTED = {
  importErrors: counted(
    ['строка с ошибкой', 'строки с ошибками', 'строк с ошибками'],
    (n) => `В файле ${n}: исправьте их и загрузите файл снова — ничего не записано`,
  ),
  imported: counted(PARTICIPANT_FORMS, (n) => `Загружено: ${n}`),
  tooManyRows: counted(['строка', 'строки', 'строк'], (n) => `В списке участников не больше ${n}`),
};
