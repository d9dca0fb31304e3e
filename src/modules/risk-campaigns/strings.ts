import type { CampaignStatus, RespondentGroup } from '../../db/schema/values.js';

// Russian words of questionnaire campaigns, shared by the operations, the print sheet and the pages.

export const GROUP_LABELS: Record<RespondentGroup, string> = {
  director: 'Руководитель',
  teacher: 'Учителя',
  pupil: 'Обучающиеся',
  parent: 'Родители',
};

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Черновик',
  open: 'Идёт',
  closed: 'Завершена',
};

export const MSG = {
  campaign: 'Анкетирование',
  notOwner: 'Анкетированием управляет организация, которая его проводит',
  notSchoolTeam: 'Это может только управленческая команда школы',
  notDraft: 'Изменить можно только черновик анкетирования',
  notOpenable: 'Открыть можно только черновик',
  notClosable: 'Завершить можно только идущее анкетирование',
  noSchools: 'Выберите хотя бы одну школу',
  noGroups: 'Выберите хотя бы одну группу респондентов',
  datesOrder: 'Дата окончания — не раньше даты начала',
  closesInPast: 'Дата окончания уже прошла',
  schoolOutside: 'Среди школ есть неизвестная или не относящаяся к организации, проводящей анкетирование',
  instrumentOutside: 'Анкеты не найдены в регионе',
  baselineNeeded: 'Для повторного анкетирования укажите исходное анкетирование',
  baselineOutside: 'Исходное анкетирование не найдено или проводится с другими анкетами',
  ownerKind: 'Анкетирование проводит регион или муниципалитет',
  groupNotInCampaign: 'Эта группа не участвует в анкетировании',
  linkNotFound: 'Ссылка не найдена: проверьте адрес или попросите новую у школы',
  notYetOpen: (date: string) => `Анкетирование ещё не началось: оно откроется ${date}`,
  closed: 'Анкетирование завершено, ответы больше не принимаются. Спасибо!',
  alreadyAnswered: 'С этого устройства уже ответили на эту анкету. Повторный ответ не принимается.',
  linkUsed: 'По этой ссылке уже ответили: она одноразовая.',
  directorAnswered: 'Руководитель школы уже ответил на анкету этого анкетирования',
  tooMany: 'Слишком много ответов с одного адреса за час. Попробуйте позже.',
  emptyAnswers: 'Ответьте хотя бы на один вопрос',
  unknownItem: (id: string) => `В анкете нет вопроса ${id}`,
  unknownOption: (id: string, v: string) => `Вопрос ${id}: нет варианта ответа «${v}»`,
  badAnswer: (id: string) => `Вопрос ${id}: неверный ответ`,
  reminder: 'Организация, проводящая анкетирование, напоминает: ответов пока меньше, чем ожидалось',
} as const;
