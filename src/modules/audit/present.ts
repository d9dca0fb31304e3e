import { ENTITY_LABELS, EVENT_GROUP_LABELS, groupOf } from './event-groups.js';
import { eventLabel } from './event-labels.js';
import { fieldLabel, isIdKey, valueText } from './field-labels.js';
import type { AuditEventView } from './views.js';

// One stored event as the audit log shows it (issue 17 §7), for the page and the CSV alike: the Russian
// name, the object with its page, and the before/after — a `changes` payload as field/было/стало rows,
// a from/to pair as one such row, every other payload key as a labelled value (ids left out).

export type AuditRow = {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  type: string;
  entityType: string;
  entityId: string;
  roadmapId: string | null;
  orgUnitId: string | null;
  payload: unknown;
  unitName: string | null;
  roadmapTitle: string | null;
  userName: string | null;
};

const obj = (p: unknown): Record<string, unknown> =>
  p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** Pages that show one object by its id. People's records have none here: opening one is itself a read. */
const PAGES: Record<string, (id: string) => string> = {
  school_document: (id) => `/programs/${id}`,
  event: (id) => `/events/${id}`,
  meeting: (id) => `/organisation/meetings/${id}`,
  monitoring: (id) => `/monitorings/${id}`,
  analytic_report: (id) => `/reports/${id}`,
  practice: (id) => `/practices/${id}`,
  identification_list: (id) => `/identification/lists/${id}`,
  risk_campaign: (id) => `/risk-campaigns/${id}`,
};
const ROADMAP_PARTS = ['roadmap', 'section', 'item', 'task'];

function objectOf(r: AuditRow, p: Record<string, unknown>): AuditEventView['object'] {
  const kind = ENTITY_LABELS[r.entityType as keyof typeof ENTITY_LABELS] ?? r.entityType;
  const deleted = r.type.endsWith('.deleted') || r.type.endsWith('.removed');
  if (ROADMAP_PARTS.includes(r.entityType)) {
    const part = r.entityType === 'roadmap' ? null : (text(p.measure) ?? text(p.title));
    const name = [r.roadmapTitle ?? text(p.title), part].filter(Boolean).join(' — ') || null;
    const link = r.roadmapId && !(r.type === 'roadmap.deleted') ? `/roadmaps/${r.roadmapId}` : null;
    return { kind, name, link };
  }
  if (r.entityType === 'user' || r.entityType === 'session') {
    return {
      kind: r.entityType === 'session' ? 'Вход' : kind,
      name: r.userName ?? text(p.login),
      link: null,
    };
  }
  const name = text(p.title) ?? text(p.name) ?? text(p.fullName) ?? text(p.fileName) ?? text(p.login) ?? null;
  const page = PAGES[r.entityType];
  return { kind, name, link: page && !deleted ? page(r.entityId) : null };
}

function changesOf(p: Record<string, unknown>): AuditEventView['changes'] {
  const out: AuditEventView['changes'] = [];
  if (Array.isArray(p.changes)) {
    for (const c of p.changes) {
      const o = obj(c);
      const field = typeof o.field === 'string' ? o.field : '';
      if (!field) continue;
      out.push({ field: fieldLabel(field), old: valueText(field, o.old), new: valueText(field, o.new) });
    }
  }
  if (typeof p.from === 'string' && typeof p.to === 'string') {
    out.push({ field: 'Состояние', old: valueText('from', p.from), new: valueText('to', p.to) });
  }
  return out;
}

function valuesOf(p: Record<string, unknown>): AuditEventView['values'] {
  return Object.entries(p)
    .filter(([k]) => !isIdKey(k) && !(k === 'changes' && Array.isArray(p.changes)))
    .filter(
      ([k]) => !((k === 'from' || k === 'to') && typeof p.from === 'string' && typeof p.to === 'string'),
    )
    .map(([k, v]) => ({ label: fieldLabel(k), value: valueText(k, v) }));
}

export function presentEvent(r: AuditRow): AuditEventView {
  const p = obj(r.payload);
  const group = groupOf(r.type);
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actor: r.actorName || r.actorId ? { id: r.actorId, name: r.actorName ?? 'пользователь' } : null,
    type: r.type,
    label: eventLabel(r.type),
    group: group ? EVENT_GROUP_LABELS[group] : null,
    object: objectOf(r, p),
    unit: r.orgUnitId && r.unitName ? { id: r.orgUnitId, name: r.unitName } : null,
    changes: changesOf(p),
    values: valuesOf(p),
  };
}
