import { and, asc, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import type { EventStatus } from '../../db/schema/values.js';
import { EVENT_STATUS_LABELS } from './event-labels.js';

// The history of an event and of a meeting in Russian lines, for their pages: who did what and when,
// from the typed audit events the operations write. Shown to the organiser's side and to full readers
// of a meeting; a line never names a participant (a school reading a regional event sees no history).

export const historyLineView = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  text: z.string(),
});
export type HistoryLine = z.infer<typeof historyLineView>;

const FIELD_NAMES: Record<string, string> = {
  title: 'название',
  kind: 'вид',
  startsOn: 'дата начала',
  endsOn: 'дата окончания',
  place: 'место',
  program: 'программа',
  audienceGroup: 'аудитория',
  audienceNote: 'кого ждут',
  coverageTarget: 'целевой охват',
  date: 'дата',
  agenda: 'повестка',
  protocol: 'текст протокола',
  protocolNumber: 'номер протокола',
  participants: 'участники',
  decisions: 'решения',
};

const fields = (p: Record<string, unknown>) => {
  const names = [
    ...((p.changes as { field: string }[] | undefined) ?? []).map((c) => c.field),
    ...((p.fields as string[] | undefined) ?? []),
  ];
  return [...new Set(names)].map((f) => FIELD_NAMES[f] ?? f).join(', ');
};
const status = (s: unknown) => EVENT_STATUS_LABELS[s as EventStatus] ?? String(s);

function lineOf(type: string, p: Record<string, unknown>): string {
  switch (type) {
    case 'event.created':
      return `Мероприятие создано: ${String(p.title)}`;
    case 'event.updated':
    case 'meeting.updated':
      return `Изменено: ${fields(p)}`;
    case 'event.status_changed':
      return `${status(p.from)} → ${status(p.to)}; приглашено организаций: ${String(p.invited)}`;
    case 'event.invitations_added':
      return `Приглашены ещё организации: ${String(p.units)}`;
    case 'event.participant_added':
      return p.source === 'self' ? 'Школа зарегистрировала участника' : 'Организатор добавил участника';
    case 'event.participant_removed':
      return 'Участник убран из списка';
    case 'event.attendance_marked':
      return `${p.attended ? 'Отмечено присутствие' : 'Снята отметка присутствия'}: ${String(p.participants)}`;
    case 'event.participants_imported':
      return `Загружен список участников «${String(p.fileName)}»: ${String(p.rows)}, заменено прежних: ${String(p.replaced)}`;
    case 'event.material_added':
      return `Добавлен материал: ${String(p.name)}`;
    case 'meeting.created':
      return `Заседание создано: ${String(p.title)}`;
    case 'meeting.protocol_file_attached':
      return `Приложен подписанный протокол: ${String(p.fileName)}`;
    case 'meeting_decision.done':
      return `Решение исполнено: «${String(p.outcome)}»`;
    case 'meeting_decision.cancelled':
      return `Решение отменено: «${String(p.reason)}»`;
    default:
      return type;
  }
}

const lines = (rows: (typeof auditEvents.$inferSelect)[]): HistoryLine[] =>
  rows.map((e) => ({
    at: e.at.toISOString(),
    actorName: e.actorName,
    text: lineOf(e.type, e.payload as Record<string, unknown>),
  }));

export async function eventHistory(db: Db, eventId: string): Promise<HistoryLine[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'event'), eq(auditEvents.entityId, eventId)))
    .orderBy(asc(auditEvents.id));
  return lines(rows);
}

/** The meeting's own events and those of its decisions (done, cancelled). */
export async function meetingHistory(db: Db, meetingId: string): Promise<HistoryLine[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      or(
        and(eq(auditEvents.entityType, 'meeting'), eq(auditEvents.entityId, meetingId)),
        and(
          eq(auditEvents.entityType, 'meeting_decision'),
          sql`${auditEvents.payload}->>'meetingId' = ${meetingId}`,
        ),
      ),
    )
    .orderBy(asc(auditEvents.id));
  return lines(rows);
}
