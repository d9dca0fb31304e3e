import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import type { RiskLevel } from '../../db/schema/values.js';
import { LEVEL_LABELS } from './strings.js';

// The verification's history as the profile page shows it: who did what and when, in words.

export type VerificationEvent = { at: string; actor: string | null; text: string };

export async function verificationHistory(
  db: Db,
  campaignId: string,
  schoolId: string,
): Promise<VerificationEvent[]> {
  const rows = await db
    .select({
      at: auditEvents.at,
      actor: auditEvents.actorName,
      type: auditEvents.type,
      payload: auditEvents.payload,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'risk_verification'),
        eq(auditEvents.entityId, schoolId),
        sql`${auditEvents.payload}->>'campaignId' = ${campaignId}`,
      ),
    )
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  return rows.map((r) => ({ at: r.at.toISOString(), actor: r.actor, text: describe(r.type, r.payload) }));
}

function describe(type: string, payload: unknown): string {
  const p = payload as {
    visitDate?: string;
    factors?: string[];
    priorities?: string[];
    changed?: { factor: string; from: RiskLevel; to: RiskLevel; comment: string }[];
  };
  if (type === 'risk_verification.visit_recorded') return `Отмечен визит ${p.visitDate ?? ''}`;
  if (type === 'risk_verification.priorities_proposed')
    return `Предложены приоритетные риски: ${(p.factors ?? []).join(', ')}`;
  if (type === 'risk_verification.verified') {
    const changed = (p.changed ?? []).map(
      (c) => `фактор ${c.factor}: ${LEVEL_LABELS[c.from]} → ${LEVEL_LABELS[c.to]} («${c.comment}»)`,
    );
    return `Профиль верифицирован; приоритеты: ${(p.priorities ?? []).join(', ')}${changed.length ? `; изменены уровни — ${changed.join('; ')}` : '; все уровни подтверждены'}`;
  }
  return type;
}
