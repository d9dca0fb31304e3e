import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { OPEN_STATUSES } from '../roadmaps/read-sql.js';
import { itemsOfSchoolYear } from '../roadmaps/year-items.js';
import type { ComputeArgs, ComputedDetail, ComputedTable } from './computed.js';

// «Промежуточный мониторинг реализации дорожных карт» (June, September): for each participant, the
// measures of the approved roadmaps of its own subtree for the monitoring's school year (itemsOfSchoolYear,
// the one definition of the reports and positive change too) — due by the
// monitoring's date, done, overdue on that date, done with evidence (a file or the keeper's written
// waiver), confirmed by the level above. Statuses are today's; «due» and «overdue» are as of `asOf`.

const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(','));

/** The school year's measures (itemsOfSchoolYear) with their organisation `o`, to be narrowed to a subtree. */
const ITEMS = (year: number) => sql`
  from roadmap_items i
  join roadmaps r on r.id = i.roadmap_id
  join org_units o on o.id = r.org_unit_id
  where ${itemsOfSchoolYear(year)}`;

type CountRow = {
  unit_id: string;
  total: number;
  due: number;
  done: number;
  due_done: number;
  overdue: number;
  evidenced: number;
  confirmed: number;
};

const evidenced = sql`(i.proof_waiver is not null or exists (select 1 from roadmap_item_evidence e where e.item_id = i.id))`;

export async function roadmapExecution(db: Db, args: ComputeArgs): Promise<ComputedTable> {
  const columns: ComputedTable['columns'] = [
    { key: 'total', label: 'Мероприятий', unit: 'count' },
    { key: 'due', label: 'Срок наступил', unit: 'count' },
    { key: 'done', label: 'Выполнено', unit: 'count' },
    { key: 'overdue', label: 'Просрочено', unit: 'count' },
    { key: 'evidenced', label: 'С доказательствами', unit: 'count' },
    { key: 'confirmed', label: 'Подтверждено', unit: 'count' },
    { key: 'doneShare', label: 'Выполнено из наступивших', unit: 'share' },
    { key: 'evidenceShare', label: 'Полнота доказательств', unit: 'share' },
  ];
  const note =
    'Мероприятия утверждённых дорожных карт участника и организаций ниже него за учебный год мониторинга, кроме отменённых; ' +
    `срок и просрочка — на ${args.asOf.split('-').reverse().join('.')}, статусы — текущие`;
  if (args.units.length === 0) return { columns, rows: [], note };
  const values = sql.join(
    args.units.map((u) => sql`(${u.id}::uuid, ${`${u.path}%`})`),
    sql`, `,
  );
  const result = (await db.execute(sql`
    select p.unit_id, count(x.id)::int as total,
      count(x.id) filter (where x.due_date <= ${args.asOf})::int as due,
      count(x.id) filter (where x.status = 'done')::int as done,
      count(x.id) filter (where x.due_date <= ${args.asOf} and x.status = 'done')::int as due_done,
      count(x.id) filter (where x.due_date < ${args.asOf} and x.status in (${OPEN}))::int as overdue,
      count(x.id) filter (where x.status = 'done' and x.evidenced)::int as evidenced,
      count(x.id) filter (where x.confirmation = 'confirmed')::int as confirmed
    from (values ${values}) as p(unit_id, prefix)
    left join lateral (
      select i.id, i.due_date, i.status, i.confirmation, ${evidenced} as evidenced
      ${ITEMS(args.year)} and o.path like p.prefix
    ) x on true
    group by p.unit_id`)) as unknown as { rows: CountRow[] };
  const rows = result.rows.map((r) => {
    const dueDone = r.due > 0 ? r.due_done / r.due : null;
    return {
      unitId: r.unit_id,
      values: {
        total: r.total,
        due: r.due,
        done: r.done,
        overdue: r.overdue,
        evidenced: r.evidenced,
        confirmed: r.confirmed,
        doneShare: dueDone,
        evidenceShare: r.done > 0 ? r.evidenced / r.done : null,
      },
    };
  });
  return { columns, rows, note };
}

/** The unit's measures behind its row: what «просрочено 3» is made of. */
export async function roadmapExecutionMeasures(
  db: Db,
  args: ComputeArgs & { unit: { id: string; path: string; kind: string } },
): Promise<ComputedDetail> {
  const result = (await db.execute(sql`
    select coalesce(o.short_name, o.name) as "unit", r.title as "roadmap", i.number as "number",
      i.measure as "measure", i.due_date::text as "dueDate", i.status as "status",
      (i.due_date < ${args.asOf} and i.status in (${OPEN})) as "overdue",
      (i.status = 'done' and ${evidenced}) as "evidenced", i.confirmation as "confirmation"
    ${ITEMS(args.year)} and o.path like ${`${args.unit.path}%`}
    order by o.path, r.title, i.due_date nulls last, i.position
    limit 2000`)) as unknown as { rows: ComputedDetail['rows'] };
  return {
    columns: [
      { key: 'unit', label: 'Организация' },
      { key: 'roadmap', label: 'Дорожная карта' },
      { key: 'number', label: '№' },
      { key: 'measure', label: 'Мероприятие' },
      { key: 'dueDate', label: 'Срок' },
      { key: 'status', label: 'Статус' },
      { key: 'overdue', label: 'Просрочено' },
      { key: 'evidenced', label: 'Доказательства' },
    ],
    rows: result.rows,
  };
}
