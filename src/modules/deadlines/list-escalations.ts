import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { forbidden } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { addDays, type DeadlineKind, daysBetween, deadlinesUntil } from './deadline-items.js';
import { rulesByRegion } from './rules.js';
import { escalationScope } from './scope.js';
import type { EscalationsQuery, EscalationView } from './views.js';

// «Эскалации» (issue 15 §3): a live list — a query over the work itself, not over the notices — of what
// is overdue beyond the region's threshold below the viewer. A school's work is reported to its curator
// and municipal coordinator, a municipality's to the region. Who sees what is a condition on the
// addressed unit `u` inside the queries: a curator — his schools; a municipal coordinator — the schools
// of his municipality; the region's operator and centre (and the administrator) — its municipalities
// and their schools. Other roles have no such list (403).

export async function listEscalations(
  db: Db,
  opts: { actor: Actor; today: string; query?: EscalationsQuery },
): Promise<{ today: string; items: EscalationView[]; municipalities: { id: string; name: string }[] }> {
  const scope = escalationScope(opts.actor);
  if (!scope) throw forbidden('Список эскалаций ведут куратор, муниципалитет и регион');
  const { today, query = {} } = opts;
  const filter = query.municipalityId ? sql` and u.path like ${`%/${query.municipalityId}/%`}` : sql``;
  const kinds: readonly DeadlineKind[] | undefined = query.kind ? [query.kind] : undefined;
  const [rows, rules] = await Promise.all([
    deadlinesUntil(db, addDays(today, -1), { kinds, where: sql`${scope}${filter}` }),
    rulesByRegion(db),
  ]);
  const items: (EscalationView & { municipalityId: string | null })[] = [];
  for (const row of rows) {
    const rule = rules.get(regionOfPath(row.unit_path) ?? '');
    if (!rule?.enabled) continue;
    const age = daysBetween(row.due_date, today);
    const school = row.unit_kind === 'school';
    if (age <= (school ? rule.schoolOverdueDays : rule.municipalityOverdueDays)) continue;
    const segments = row.unit_path.split('/').filter(Boolean);
    items.push({
      kind: row.kind,
      id: row.id,
      title: row.title,
      unit: { id: row.unit_id, name: row.unit_name, kind: school ? 'school' : 'municipality' },
      municipality: null,
      municipalityId: segments[1] ?? null,
      dueDate: row.due_date,
      ageDays: age,
      reportedTo: school ? 'curator_municipality' : 'region',
      link: row.link,
    });
  }
  const ids = [...new Set(items.flatMap((i) => (i.municipalityId ? [i.municipalityId] : [])))];
  const names = ids.length
    ? await queryRows<{ id: string; name: string }>(
        db,
        sql`select id::text as id, coalesce(short_name, name) as name from org_units
        where kind = 'municipality' and id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      )
    : [];
  const byId = new Map(names.map((n) => [n.id, n]));
  return {
    today,
    items: items
      .map(({ municipalityId, ...i }) => ({ ...i, municipality: byId.get(municipalityId ?? '') ?? null }))
      .sort((a, b) => b.ageDays - a.ageDays || a.unit.name.localeCompare(b.unit.name, 'ru')),
    municipalities: names.sort(byRussian((n) => n.name)),
  };
}
