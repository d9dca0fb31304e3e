import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import type { RouteActivityStatus, RouteStatus } from '../../db/schema/values.js';
import { ACTIVITY_STATUS_LABELS, ROUTE_STATUS_LABELS } from './strings.js';

// The history of a route in Russian lines: its own events and those of its activities (which name the route).

const FIELD_NAMES: Record<string, string> = {
  goalId: 'цель',
  kind: 'вид',
  title: 'содержание',
  dueDate: 'срок',
  responsible: 'ответственный',
  responsibleUserId: 'ответственный пользователь',
  courseId: 'курс',
  text: 'формулировка',
};

const fields = (p: Record<string, unknown>) =>
  ((p.changes as { field: string }[] | undefined) ?? [])
    .map((c) => FIELD_NAMES[c.field] ?? c.field)
    .join(', ');
const routeStatus = (s: unknown) => ROUTE_STATUS_LABELS[s as RouteStatus] ?? String(s);
const activityStatus = (s: unknown) => ACTIVITY_STATUS_LABELS[s as RouteActivityStatus] ?? String(s);

function lineOf(type: string, p: Record<string, unknown>): string {
  switch (type) {
    case 'individual_route.created':
      return p.diagnosticId ? 'ИОМ построен по дефицитам диагностики' : 'Создан пустой ИОМ';
    case 'individual_route.goal_added':
      return `Добавлена цель: ${String(p.text)}`;
    case 'individual_route.goal_updated':
      return `Изменена цель: ${fields(p) || 'без изменений'}`;
    case 'individual_route.goal_removed':
      return `Удалена цель: ${String(p.text)}`;
    case 'individual_route.status_changed':
      return [
        `ИОМ: ${routeStatus(p.from)} → ${routeStatus(p.to)}`,
        p.conclusion ? `заключение: ${String(p.conclusion)}` : '',
        p.reason ? `причина: ${String(p.reason)}` : '',
      ]
        .filter(Boolean)
        .join('; ');
    case 'route_activity.added':
      return `Добавлено действие: ${String(p.title)}`;
    case 'route_activity.updated':
      return `Изменено действие «${String(p.title)}»: ${fields(p) || 'без изменений'}`;
    case 'route_activity.removed':
      return `Удалено действие: ${String(p.title)}`;
    case 'route_activity.status_changed':
      return `«${String(p.title)}»: ${activityStatus(p.from)} → ${activityStatus(p.to)}${p.text ? ` (${String(p.text)})` : ''}`;
    case 'route_activity.file_attached':
      return `К действию «${String(p.title)}» приложен файл ${String(p.fileName)}`;
    default:
      return type;
  }
}

export async function routeHistory(db: Db, routeId: string) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      or(
        and(eq(auditEvents.entityType, 'individual_route'), eq(auditEvents.entityId, routeId)),
        and(
          eq(auditEvents.entityType, 'route_activity'),
          sql`${auditEvents.payload}->>'routeId' = ${routeId}`,
        ),
      ),
    )
    .orderBy(asc(auditEvents.id));
  return rows.map((e) => ({
    at: e.at.toISOString(),
    actorName: e.actorName,
    text: lineOf(e.type, e.payload as Record<string, unknown>),
  }));
}
