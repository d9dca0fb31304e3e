import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ItemStatus } from '../../db/schema/values.js';
import { ITEM_STATUS_LABELS } from '../roadmaps/types.js';
import { type Block, inRegion, rowsOf, ruDate } from './block.js';

// Roadmap execution on time: of the measures of approved roadmaps of the year whose deadline has passed
// (cancelled ones aside), those marked done by their deadline. The moment a measure was done is the
// history's (the last change of its status to «выполнено», audit events): a measure done without such a
// record (none in the history) is not counted as on time — its date cannot be shown.

const doneAt = sql.raw(`(select max(e.at) from audit_events e where e.item_id = i.id
  and e.type = 'item.status_changed' and e.payload->>'to' = 'done')`);

const RULE =
  'Знаменатель — мероприятия утверждённых дорожных карт года, срок которых прошёл (кроме отменённых); ' +
  'числитель — из них отмеченные «выполнено» не позже срока (по истории изменений мероприятия)';

export const roadmapOnTimeBlock: Block<Record<string, never>> = {
  code: 'roadmap_on_time',
  title: 'Исполнение мероприятий дорожных карт в срок',
  unit: 'share',
  params: z.object({}).strict(),
  async base(_db, { regionId, year }) {
    return {
      schools: sql`select o.id, o.path,
          count(*) filter (where i.status = 'done' and ${doneAt}::date <= i.due_date)::float8 as num,
          count(*)::float8 as den
        from roadmap_items i join roadmaps r on r.id = i.roadmap_id join org_units o on o.id = r.org_unit_id
        where r.status = 'approved' and r.period_year = ${year} and ${inRegion('o', regionId)}
          and i.due_date < current_date and i.status <> 'cancelled'
        group by o.id, o.path`,
      source: {
        data: `Утверждённые дорожные карты ${year} г. и история их мероприятий`,
        rule: RULE,
        year: String(year),
      },
    };
  },
  async data(db, { year, schoolId }) {
    const rows = await rowsOf<{
      number: string | null;
      measure: string;
      due: string;
      status: ItemStatus;
      done: string | null;
      title: string;
    }>(
      db,
      sql`select i.number, i.measure, i.due_date::text as due, i.status, ${doneAt}::date::text as done, r.title
        from roadmap_items i join roadmaps r on r.id = i.roadmap_id
        where r.org_unit_id = ${schoolId}::uuid and r.status = 'approved' and r.period_year = ${year}
          and i.due_date < current_date and i.status <> 'cancelled'
        order by i.due_date, i.position`,
    );
    return {
      title: 'Мероприятия школы со сроком, который прошёл',
      columns: ['№', 'Мероприятие', 'Срок', 'Статус', 'Выполнено', 'В срок'],
      rows: rows.map((r) => [
        r.number ?? '—',
        r.measure,
        ruDate(r.due),
        ITEM_STATUS_LABELS[r.status],
        r.status === 'done' ? (r.done ? ruDate(r.done) : 'дата не записана') : '—',
        r.status === 'done' && r.done !== null && r.done <= r.due ? 'да' : 'нет',
      ]),
      source: { data: `Утверждённые дорожные карты школы ${year} г.`, rule: RULE, year: String(year) },
    };
  },
};
