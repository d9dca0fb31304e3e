import type { MonitoringKind, MonitoringResponseStatus, MonitoringStatus } from '../../db/schema/values.js';

// Russian words of monitorings, shared by the operations, the XLSX export and the pages.

export const MONITORING_STATUS_LABELS: Record<MonitoringStatus, string> = {
  draft: 'Черновик',
  open: 'Идёт',
  closed: 'Завершён',
};

export const RESPONSE_STATUS_LABELS: Record<MonitoringResponseStatus, string> = {
  not_started: 'Не начата',
  draft: 'Заполняется',
  submitted: 'Отправлена',
  returned: 'Возвращена на доработку',
  accepted: 'Принята',
};

export const KIND_LABELS: Record<MonitoringKind, string> = {
  form: 'Форма для заполнения',
  roadmap_execution: 'Исполнение дорожных карт (рассчитывается)',
  positive_change: 'Позитивные изменения (рассчитывается)',
  indicators: 'Показатели (рассчитываются)',
};

export const PARTICIPANT_MODE_LABELS = {
  shnor: 'ШНОР по списку в силе',
  all_schools: 'Все школы',
  municipalities: 'Муниципалитеты',
  units: 'Выбранные организации',
} as const;
export type ParticipantMode = keyof typeof PARTICIPANT_MODE_LABELS;

export const MSG = {
  notOwner: 'Мониторингом управляет организация, которая его проводит',
  ownerKind: 'Мониторинг проводит регион или муниципалитет',
  notDraft: 'Изменить можно только черновик мониторинга',
  notOpenable: 'Открыть можно только черновик',
  notClosable: 'Завершить можно только идущий мониторинг',
  noParticipants: 'Выберите хотя бы одного участника',
  emptyForm: 'В форме нет ни одного поля',
  formForComputed: 'У рассчитываемого мониторинга нет формы',
  noIndicators: 'Выберите хотя бы один показатель мониторинга',
  indicatorsForOther: 'Показатели выбирают только для мониторинга показателей',
  kindUnavailable: 'Этот вид мониторинга пока недоступен',
  datesOrder: 'Срок представления — не раньше начала',
  participantOutside:
    'Среди участников есть неизвестная организация или организация вне проводящей мониторинг',
  noList: 'Утверждённого списка ШНОР нет: выберите участников вручную',
  notFiller: 'Форму заполняет сама организация-участник',
  notReviewer: 'Проверяет форму организация, проводящая мониторинг, или муниципалитет школы',
  notOpen: 'Мониторинг не идёт: форму заполнить нельзя',
  notEditable: 'Форма отправлена: изменить её можно после возврата на доработку',
  notSubmitted: 'Проверить можно только отправленную форму',
  returnClosed: 'Мониторинг завершён: форму можно только принять, вернуть на доработку нельзя',
  returnComment: 'Напишите, что исправить',
  notForm: 'У этого мониторинга нет формы для заполнения',
  invalidAnswers: (n: string) => `Форма заполнена с ошибками: ${n}`,
  noTemplate: (code: string) => `Нет шаблона ${code}`,
} as const;
