import type { NotificationKind } from '../../db/schema/values.js';

/** The kinds in Russian: the centre's filter, the settings and the digest's groups share them. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  due_soon: 'Приближается срок',
  overdue: 'Просрочено',
  escalated: 'Эскалация',
  awaiting_confirmation: 'Ждёт подтверждения',
  returned: 'Возвращено на доработку',
  confirmed: 'Подтверждено',
  document_sent: 'Документ на согласовании',
  document_returned: 'Документ возвращён',
  document_agreed: 'Документ согласован',
  document_approved: 'Документ утверждён',
  expertise_assigned: 'Назначена экспертиза',
  campaign_opened: 'Начались анкетирование или мониторинг',
  campaign_closing: 'Завершается анкетирование',
  list_approved: 'Утверждён список',
  practice_submitted: 'Практика на рассмотрении',
  practice_reviewed: 'Практика рассмотрена',
  published: 'Опубликовано',
};
