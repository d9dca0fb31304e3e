import type { RouteActivityKind, RouteActivityStatus, RouteStatus } from '../../db/schema/values.js';

// Russian words of the individual routes (ИОМ), shared by the server (history, DOCX) and the pages.

export const ROUTE_STATUS_LABELS: Record<RouteStatus, string> = {
  draft: 'черновик',
  approved: 'утверждён',
  in_progress: 'выполняется',
  mastered: 'освоен',
  not_mastered: 'не освоен',
};

export const ACTIVITY_KIND_LABELS: Record<RouteActivityKind, string> = {
  course: 'курсы ПК/ПП',
  mentoring: 'наставничество',
  internship: 'стажировка',
  open_lessons: 'открытые уроки',
  self_study: 'самообразование',
  methodical_association: 'методическое объединение',
};

export const ACTIVITY_STATUS_LABELS: Record<RouteActivityStatus, string> = {
  planned: 'запланировано',
  done: 'выполнено',
  confirmed: 'подтверждено',
  returned: 'возвращено',
};

export const ROUTE_MSG = {
  goalOf: (block: string, level: string) => `Устранение дефицитов: ${block}, уровень ${level}`,
  duplicate: 'У педагога уже есть ИОМ на этот учебный год',
  noResult: 'У педагога нет результатов диагностики за этот учебный год: постройте пустой ИОМ',
  noDeficits: 'По последней диагностике у педагога нет блоков с уровнем, требующим ИОМ',
  closed: 'ИОМ закрыт (освоен или не освоен): изменять его нельзя',
  notDraft: 'Утвердить можно только черновик ИОМ',
  emptyRoute: 'Утвердить можно ИОМ хотя бы с одним действием',
  notApproved: 'Начать выполнение можно только утверждённого ИОМ',
  notRunning: 'Закрыть можно только утверждённый или выполняемый ИОМ',
  notAllConfirmed: 'ИОМ освоен, только когда подтверждены все действия',
  reasonNeeded: 'Не все действия подтверждены: укажите причину, по которой ИОМ не освоен',
  notStarted: 'Отметить выполнение можно только в утверждённом или выполняемом ИОМ',
  notPlanned: 'Выполненным отмечают запланированное или возвращённое действие',
  notDone: 'Подтвердить или вернуть можно только выполненное действие',
  confirmed: 'Действие уже подтверждено: изменить его нельзя',
  teacherOnly: 'Отмечать выполнение может сам педагог или команда, ведущая ИОМ',
  notSelf: 'Подтверждает или возвращает команда школы или ответственный за действие, не сам педагог',
  keepers: 'ИОМ ведут команда школы, центр и оператор региона',
  goalElsewhere: 'Цель относится к другому ИОМ',
  courseUnknown: 'Курс не найден в каталоге, доступном школе',
  responsibleUnknown: 'Ответственный пользователь не найден',
  teacherIsStaff: 'Педагог не найден или недоступен',
} as const;
