import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import type { HistoryLine } from '../organisation/history.js';
import { MENTOR_KIND_LABELS } from './strings.js';

// The history of a teacher's record and of a mentoring pair in Russian lines, from the typed audit events.

const FIELD_NAMES: Record<string, string> = {
  lastName: 'фамилия',
  firstName: 'имя',
  middleName: 'отчество',
  position: 'должность',
  subjects: 'предметы',
  grades: 'классы',
  experienceYears: 'стаж',
  isYoung: 'молодой педагог',
  newlyHired: 'вновь принятый',
  code: 'код',
  leftOn: 'дата выбытия',
  program: 'программа',
  startedOn: 'начало',
  endedOn: 'окончание',
  result: 'результат',
};

const shown = (v: unknown) => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  return String(v);
};

const changeText = (p: Record<string, unknown>) =>
  ((p.changes as { field: string; old: unknown; new: unknown }[] | undefined) ?? [])
    .map((c) => `${FIELD_NAMES[c.field] ?? c.field}: ${shown(c.old)} → ${shown(c.new)}`)
    .join('; ');

function lineOf(type: string, p: Record<string, unknown>): string {
  switch (type) {
    case 'staff_member.created':
      return `Внесён в реестр: ${String(p.fullName)}, ${String(p.position)}`;
    case 'staff_member.updated':
      return `Изменено — ${changeText(p)}`;
    case 'staff_member.left':
      return p.leftOn ? `Выбыл ${String(p.leftOn)}` : 'Возвращён в состав педагогов';
    case 'staff_member.account_linked':
      return p.login ? `Связан с учётной записью ${String(p.login)}` : 'Связь с учётной записью снята';
    case 'teacher_mentorship.created':
      return `Закреплён наставник: ${String(p.mentorName)} (${MENTOR_KIND_LABELS[p.mentorKind as keyof typeof MENTOR_KIND_LABELS] ?? ''})`;
    case 'teacher_mentorship.updated': {
      const text = changeText(p);
      return `Изменено — ${text || 'приказ'}`;
    }
    case 'teacher_mentorship.meeting_added':
      return `Встреча ${String(p.date)}: ${String(p.topic)}`;
    case 'teacher_mentorship.meeting_removed':
      return `Удалена встреча ${String(p.date)}: ${String(p.topic)}`;
    case 'teacher_mentorship.order_file_attached':
      return `Приложен файл приказа: ${String(p.fileName)}`;
    default:
      return type;
  }
}

export async function entityHistory(
  db: Db,
  entityType: 'staff_member' | 'teacher_mentorship',
  id: string,
): Promise<HistoryLine[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, entityType),
        eq(auditEvents.entityId, id),
        // Reads of the card are the audit log's, not changes of the record.
        ne(auditEvents.type, 'staff.card_read'),
      ),
    )
    .orderBy(asc(auditEvents.id));
  return rows.map((e) => ({
    at: e.at.toISOString(),
    actorName: e.actorName,
    text: lineOf(e.type, e.payload as Record<string, unknown>),
  }));
}
