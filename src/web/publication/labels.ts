import type { PublicationKind } from '../../db/schema/values.js';
import type { PublicationState } from '../../modules/publication/views.js';

// The words of the publication pages (issue 15 §1).

export const KIND_LABELS: Record<PublicationKind, string> = {
  roadmap: 'Дорожная карта',
  school_document: 'Документ школы',
  analytic_report: 'Аналитическая справка',
  identification_list: 'Перечень школ',
};

export const STATE_LABELS: Record<PublicationState, string> = {
  never: 'Не опубликовано',
  current: 'Опубликовано',
  changed: 'Изменено после публикации',
  withdrawn: 'Снято с публикации',
};

export const STATE_COLORS: Record<PublicationState, string> = {
  never: 'gray',
  current: 'green',
  changed: 'orange',
  withdrawn: 'red',
};

export const TEXT = {
  title: 'Публикация',
  intro:
    'Публикация — явное действие: на открытом сайте появляется замороженная копия утверждённого документа с файлами DOCX и PDF. Изменения после публикации на сайт сами не попадают — опубликуйте новую версию.',
  published: 'Опубликовано',
  publishable: 'Можно опубликовать',
  history: 'История публикаций',
  nothingPublished: 'Пока ничего не опубликовано',
  nothingPublishable: 'Нет утверждённых документов, которые вы можете опубликовать',
  noHistory: 'Публикаций ещё не было',
  publish: 'Опубликовать',
  publishAgain: 'Опубликовать новую версию',
  withdraw: 'Снять с публикации',
  openSite: 'Открыть на сайте',
  showExecution: 'Показывать ход исполнения',
  showExecutionHint: 'Посетители сайта увидят текущий статус каждого мероприятия',
  schoolNames: 'Публиковать названия школ',
  schoolNamesWarning:
    'По умолчанию публикуется только число школ по муниципалитетам. Названия школ из перечня станут видны всем — убедитесь, что такое решение принято регионом.',
  reason: 'Причина',
  reasonHint: 'Причина останется в истории публикаций',
  withdrawNote: 'Запись о публикации сохранится; ссылка на сайте сообщит, что документ снят с публикации.',
  cancel: 'Отмена',
  done: 'Опубликовано',
  withdrawn: 'Снято с публикации',
  colTitle: 'Название',
  colKind: 'Вид',
  colUnit: 'Организация',
  colVersion: 'Версия',
  colWhen: 'Когда',
  colWho: 'Кто',
  colState: 'Состояние',
  colReason: 'Причина снятия',
  fileDocx: 'DOCX',
  filePdf: 'PDF',
} as const;

/** «Опубликовано (версия 2)» */
export const publishedVersion = (v: number) => `Опубликовано (версия ${v})`;
