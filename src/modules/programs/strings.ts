import type { SchoolDocumentKind, SchoolDocumentStatus } from '../../db/schema/values.js';

// The module's words: kinds, statuses and the titles of documents as schools write them.

export const KIND_LABELS: Record<SchoolDocumentKind, string> = {
  concept: 'Концепция развития',
  midterm_program: 'Среднесрочная программа развития',
  antirisk_program: 'Антирисковая программа',
};

export const STATUS_LABELS: Record<SchoolDocumentStatus, string> = {
  draft: 'Черновик',
  curator_review: 'На согласовании у куратора',
  rework: 'На доработке',
  agreed: 'Согласовано куратором',
  expertise: 'На экспертизе',
  approved: 'Утверждено',
  published: 'Опубликовано',
};

export const MSG = {
  notSchool: 'Документы программ ведёт школа: выберите школу',
  factorRequired: 'Для антирисковой программы выберите фактор риска',
  factorUnknown: 'Такого фактора риска нет в перечне',
  factorForbidden: 'Фактор риска указывается только у антирисковой программы',
  duplicate: 'Такой документ школы на этот год уже есть',
  notEditable: (status: string) =>
    `Документ в статусе «${status}» не редактируется: править можно черновик и документ на доработке`,
  keepOnly: 'Изменять документы может только управленческая команда школы',
  curatorOnly: 'Согласовывать документ может только куратор школы',
  governOnly:
    'Направлять на экспертизу, утверждать и публиковать может региональный оператор или муниципалитет школы',
  discussOnly: 'Комментировать документ могут команда школы, куратор, муниципалитет, регион и эксперты',
  wrongStatus: (from: string, action: string) => `Документ в статусе «${from}»: ${action} нельзя`,
  returnComment: 'Укажите, что нужно доработать',
  emptyMeasures: 'В документе нет мероприятий: отправлять нечего',
  orderRequired: 'Для утверждения укажите номер и дату приказа',
  unknownVersion: 'Такой версии документа нет',
} as const;

/** «Антирисковая программа «Низкая учебная мотивация обучающихся»» */
export function documentTitle(kind: SchoolDocumentKind, factorName: string | null): string {
  return kind === 'antirisk_program' && factorName
    ? `${KIND_LABELS[kind]} «${factorName}»`
    : KIND_LABELS[kind];
}
