import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { LdapGroupRoleConfig } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { roleAssignments } from '../../../db/schema/auth.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import { ROLE_UNIT_KINDS, type Role } from '../../../db/schema/values.js';
import { recordEvent } from '../../audit/record-event.js';
import { sameDnKey } from './filter.js';

// Group → role rules (LDAP_GROUP_ROLES) applied at each directory sign-in. The rules name pairs
// (role, unit). A member of a rule's group gets its pair as a 'directory' row, unless he holds the pair
// already; a person in none of the groups naming a pair loses it — but only a 'directory' row. A
// 'directory' row whose pair no current rule names (the rule was deleted from the config) goes too,
// unless a rule left out for its unit has the row's role: that rule may name the pair once its unit is
// found again. Rows given by hand ('manual': an administrator, an appointment) are never taken away,
// whether a rule names their pair or not (ADR 0041).

type Pair = { role: Role; orgUnitId: string };
const keyOf = (p: Pair) => `${p.role}|${p.orgUnitId}`;

export type RolesSynced = { added: Pair[]; removed: Pair[] };

export async function syncGroupRoles(
  db: Db,
  opts: { userId: string; groups: readonly string[]; rules: readonly LdapGroupRoleConfig[] },
): Promise<RolesSynced> {
  const resolved = opts.rules.length === 0 ? [] : await resolveRules(db, opts.rules);
  const unresolvedRoles = new Set<Role>(
    opts.rules.filter((r) => !resolved.some((x) => x.rule === r)).map((r) => r.role),
  );
  const memberOf = new Set(opts.groups.map(sameDnKey));
  const managed = new Map<string, Pair>();
  const wanted = new Set<string>();
  for (const { rule, pair } of resolved) {
    managed.set(keyOf(pair), pair);
    if (memberOf.has(sameDnKey(rule.group))) wanted.add(keyOf(pair));
  }
  return db.transaction(async (tx) => {
    // All the person's rows: a handful, and the directory's among them may name no rule any more.
    const held = await tx
      .select({
        id: roleAssignments.id,
        role: roleAssignments.role,
        orgUnitId: roleAssignments.orgUnitId,
        source: roleAssignments.source,
      })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, opts.userId));
    // A pair held in any way is not given again; only a pair the directory gave is taken away.
    const heldKeys = new Set(held.map((h) => keyOf(h)));
    const toAdd = [...managed.values()].filter((p) => wanted.has(keyOf(p)) && !heldKeys.has(keyOf(p)));
    const toRemove = held.filter(
      (h) =>
        h.source === 'directory' &&
        !wanted.has(keyOf(h)) &&
        (managed.has(keyOf(h)) || !unresolvedRoles.has(h.role)),
    );
    const added =
      toAdd.length === 0
        ? []
        : await tx
            .insert(roleAssignments)
            .values(toAdd.map((p) => ({ userId: opts.userId, ...p, source: 'directory' as const })))
            .onConflictDoNothing()
            .returning({ role: roleAssignments.role, orgUnitId: roleAssignments.orgUnitId });
    // `source` again in the condition: an administrator may have taken the pair over meanwhile.
    const removed =
      toRemove.length === 0
        ? []
        : await tx
            .delete(roleAssignments)
            .where(
              and(
                inArray(
                  roleAssignments.id,
                  toRemove.map((g) => g.id),
                ),
                eq(roleAssignments.source, 'directory'),
              ),
            )
            .returning({ role: roleAssignments.role, orgUnitId: roleAssignments.orgUnitId });
    if (added.length > 0 || removed.length > 0) {
      await recordEvent(
        tx,
        null,
        'user.roles_synced',
        { entityType: 'user', entityId: opts.userId },
        { provider: 'ldap', added, removed },
      );
    }
    return { added, removed };
  });
}

/**
 * Each rule's unit, found by id, code or OKTMO among the units of the kind its role is given at
 * (a region is known by its OKTMO before its id exists). A rule whose unit is missing, ambiguous or
 * of the wrong kind is left out with a line in the log: it can neither give nor take anything.
 */
async function resolveRules(db: Db, rules: readonly LdapGroupRoleConfig[]) {
  const names = [...new Set(rules.map((r) => r.orgUnit))];
  const ids = names.filter((n) => UUID.test(n));
  const units = await db
    .select({ id: orgUnits.id, kind: orgUnits.kind, code: orgUnits.code, oktmo: orgUnits.oktmo })
    .from(orgUnits)
    .where(
      or(
        ids.length > 0 ? inArray(orgUnits.id, ids) : sql`false`,
        inArray(orgUnits.code, names),
        inArray(orgUnits.oktmo, names),
      ),
    );
  const out: { rule: LdapGroupRoleConfig; pair: Pair }[] = [];
  for (const rule of rules) {
    const kinds = ROLE_UNIT_KINDS[rule.role];
    const fits = units.filter(
      (u) =>
        kinds.includes(u.kind) &&
        (u.id === rule.orgUnit || u.code === rule.orgUnit || u.oktmo === rule.orgUnit),
    );
    const unit = fits.length === 1 ? fits[0] : undefined;
    if (!unit) {
      console.warn(
        `LDAP_GROUP_ROLES: правило «${rule.group} → ${rule.role}» пропущено: ` +
          (fits.length === 0
            ? `нет организации «${rule.orgUnit}» подходящего для роли уровня`
            : `«${rule.orgUnit}» указывает на несколько организаций`),
      );
      continue;
    }
    out.push({ rule, pair: { role: rule.role, orgUnitId: unit.id } });
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
