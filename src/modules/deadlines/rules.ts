import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { escalationRules } from '../../db/schema/notifications.js';
import { conflict, forbidden } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionLevelRegions, regionOfPath } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { escalationScope } from './scope.js';
import type { EscalationRulesInput, EscalationRulesView } from './views.js';

// The region's rules of reminders and escalation (issue 15 §3). No row — the defaults of the issue
// (7 and 14 days, enabled); the first save inserts the row with version 1.

export type Rules = {
  enabled: boolean;
  dueSoonDays: number;
  schoolOverdueDays: number;
  municipalityOverdueDays: number;
};
export const DEFAULT_RULES: Rules = {
  enabled: true,
  dueSoonDays: 7,
  schoolOverdueDays: 14,
  municipalityOverdueDays: 14,
};

/** Every region's rules (defaults for those without a row), by region id. */
export async function rulesByRegion(db: Db): Promise<Map<string, Rules>> {
  const rows = await queryRows<Rules & { region_id: string }>(
    db,
    sql`select u.id as region_id, coalesce(r.enabled, true) as "enabled",
      coalesce(r.due_soon_days, ${DEFAULT_RULES.dueSoonDays}) as "dueSoonDays",
      coalesce(r.school_overdue_days, ${DEFAULT_RULES.schoolOverdueDays}) as "schoolOverdueDays",
      coalesce(r.municipality_overdue_days, ${DEFAULT_RULES.municipalityOverdueDays}) as "municipalityOverdueDays"
    from org_units u left join escalation_rules r on r.region_id = u.id where u.kind = 'region'`,
  );
  return new Map(rows.map(({ region_id, ...rules }) => [region_id, rules]));
}

/** The actor's region: the root of his first assignment's unit (every role works inside one region). */
export function regionOfActor(actor: Actor): string | null {
  const own = regionLevelRegions(actor)[0];
  if (own) return own;
  const first = actor.assignments[0];
  return first ? regionOfPath(first.unitPath) : null;
}

export async function getEscalationRules(db: Db, opts: { actor: Actor }): Promise<EscalationRulesView> {
  const regionId = escalationScope(opts.actor) ? regionOfActor(opts.actor) : null;
  if (!regionId) throw forbidden('Правила эскалации видят куратор, муниципалитет и регион');
  const [row] = await queryRows<EscalationRulesView & { found: boolean }>(
    db,
    sql`select u.id as "regionId", coalesce(u.short_name, u.name) as "regionName",
      r.region_id is not null as found, coalesce(r.enabled, true) as "enabled",
      coalesce(r.due_soon_days, ${DEFAULT_RULES.dueSoonDays}) as "dueSoonDays",
      coalesce(r.school_overdue_days, ${DEFAULT_RULES.schoolOverdueDays}) as "schoolOverdueDays",
      coalesce(r.municipality_overdue_days, ${DEFAULT_RULES.municipalityOverdueDays}) as "municipalityOverdueDays",
      coalesce(r.version, 0) as "version",
      to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt",
      (select full_name from users where id = r.updated_by) as "updatedBy"
    from org_units u left join escalation_rules r on r.region_id = u.id
    where u.id = ${regionId} and u.kind = 'region'`,
  );
  if (!row) throw forbidden('Правила эскалации задаёт регион; у вас нет роли в регионе');
  const { found: _found, ...view } = row;
  return view;
}

/** Only the region's operator changes them; a stale version — 409, nothing changed. */
export async function updateEscalationRules(
  db: Db,
  opts: { actor: Actor; input: EscalationRulesInput },
): Promise<EscalationRulesView> {
  const regionId = regionLevelRegions(opts.actor, ['regional_operator'])[0];
  if (!regionId) throw forbidden('Правила эскалации меняет только региональный оператор');
  const { version, ...next } = opts.input;
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(escalationRules).where(eq(escalationRules.regionId, regionId));
    const before: Rules = current ?? DEFAULT_RULES;
    if ((current?.version ?? 0) !== version) throw conflict();
    const stamp = { ...next, updatedBy: opts.actor.userId, updatedAt: new Date() };
    if (current) {
      const updated = await tx
        .update(escalationRules)
        .set({ ...stamp, version: version + 1 })
        .where(sql`${escalationRules.regionId} = ${regionId} and ${escalationRules.version} = ${version}`)
        .returning({ v: escalationRules.version });
      if (updated.length === 0) throw conflict();
    } else {
      // Two first saves at once: the second hits the primary key and answers as a stale version.
      const inserted = await tx
        .insert(escalationRules)
        .values({ regionId, ...stamp, version: 1 })
        .onConflictDoNothing()
        .returning({ v: escalationRules.version });
      if (inserted.length === 0) throw conflict();
    }
    const changes = (Object.keys(next) as (keyof Rules)[])
      .filter((k) => before[k] !== next[k])
      .map((k) => ({ field: k, old: before[k], new: next[k] }));
    await recordEvent(
      tx,
      opts.actor,
      'escalation_rule.updated',
      { entityType: 'escalation_rule', entityId: regionId, orgUnitId: regionId },
      { changes },
    );
  });
  return getEscalationRules(db, { actor: opts.actor });
}
