import { z } from 'zod';

const change = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
const changes = z.object({ changes: z.array(change) });
const named = z.object({ title: z.string() });

/** The closed set of history events, each with its payload. The UI renders them (web/shared/history.tsx). */
export const EVENT_PAYLOADS = {
  'roadmap.created': named,
  'roadmap.imported': named.extend({
    fileName: z.string(),
    sections: z.number(),
    items: z.number(),
    /** Saved as an archived record of a past period with its execution marked as imported. */
    archived: z.boolean().optional(),
  }),
  'roadmap.updated': changes,
  'roadmap.status_changed': z.object({
    from: z.string(),
    to: z.string(),
    /** A draft of an ended period kept as an archived record with its execution marked as imported. */
    executionImported: z.boolean().optional(),
  }),
  'roadmap.deleted': named,
  'section.created': named.extend({ number: z.string().nullable() }),
  'section.updated': changes,
  'section.moved': z.object({ from: z.number(), to: z.number() }),
  'section.deleted': named,
  'item.created': z.object({ measure: z.string(), number: z.string().nullable() }),
  'item.updated': changes,
  'item.moved': z.object({
    fromSection: z.string(),
    toSection: z.string(),
    from: z.number(),
    to: z.number(),
  }),
  'item.deleted': z.object({ measure: z.string() }),
  'item.status_changed': z.object({ from: z.string(), to: z.string(), comment: z.string().nullable() }),
  'item.confirmed': z.object({
    decision: z.enum(['confirmed', 'returned']),
    comment: z.string().nullable(),
    /** The files the confirmer had open (absent in events written before it was recorded). */
    seen: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  }),
  'item.evidence_added': z.object({ fileId: z.string(), name: z.string(), kind: z.string().optional() }),
  'item.evidence_removed': z.object({ fileId: z.string(), name: z.string() }),
  'item.comment_added': z.object({ text: z.string() }),
  'task.updated': z.object({ unit: z.string(), changes: z.array(change) }),
  'org_unit.created': z.object({ name: z.string(), kind: z.string() }),
  'org_unit.updated': changes,
  'org_units.imported': z.object({ created: z.number(), updated: z.number() }),
  'user.created': z.object({ login: z.string() }),
  'user.updated': changes,
  'user.password_changed': z.object({ by: z.enum(['self', 'admin']) }),
  'user.logged_in': z.object({ ip: z.string() }),
  'user.login_failed': z.object({ login: z.string(), ip: z.string() }),
  'user.logged_out': z.object({}),
  'assignment.added': z.object({ role: z.string(), orgUnitId: z.string() }),
  'assignment.removed': z.object({ role: z.string(), orgUnitId: z.string() }),
  'assessment_data.imported': z.object({
    fileName: z.string(),
    years: z.array(z.number()),
    results: z.number(),
  }),
  'methodology.created': z.object({ code: z.string(), version: z.number() }),
  'methodology.made_current': z.object({ code: z.string(), version: z.number() }),
  'identification_run.started': z.object({ year: z.number(), methodologyId: z.string() }),
  'identification_list.created': z.object({
    year: z.number(),
    runId: z.string(),
    kind: z.string().optional(),
  }),
  'identification_list.run_switched': z.object({ from: z.string(), to: z.string() }),
  'identification_list.decision_set': z.object({
    schoolId: z.string(),
    decision: z.enum(['include', 'exclude']),
    reason: z.string(),
  }),
  'identification_list.decision_removed': z.object({
    schoolId: z.string(),
    decision: z.string(),
    reason: z.string(),
  }),
  'identification_list.order_file_attached': z.object({
    orderId: z.string(),
    fileId: z.string(),
    name: z.string(),
  }),
  'identification_list.approved': z.object({
    orderNumber: z.string(),
    orderDate: z.string(),
    orderId: z.string().optional(),
    appendixNo: z.number().optional(),
  }),
  // Questionnaire campaigns (issue 11 §2). Answers themselves write no event: anonymous ones must not.
  'risk_campaign.created': z.object({ title: z.string(), year: z.number(), schools: z.number() }),
  'risk_campaign.updated': changes,
  'risk_campaign.opened': z.object({ instrumentId: z.string() }),
  'risk_campaign.closed': z.object({ automatic: z.boolean() }),
  'risk_campaign.reminded': z.object({ schoolId: z.string(), school: z.string() }),
  'risk_campaign.links_created': z.object({ schoolId: z.string(), count: z.number() }),
  'risk_campaign.director_answered': z.object({ schoolId: z.string() }),
} as const;

export type EventType = keyof typeof EVENT_PAYLOADS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;
export type Change = z.infer<typeof change>;

/** Field-by-field difference of two records over the given keys. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  keys: (keyof T)[],
): Change[] {
  const out: Change[] = [];
  for (const k of keys) {
    if (!(k in after)) continue;
    const o = before[k] ?? null;
    const n = after[k] ?? null;
    if (JSON.stringify(o) !== JSON.stringify(n)) out.push({ field: String(k), old: o, new: n });
  }
  return out;
}
