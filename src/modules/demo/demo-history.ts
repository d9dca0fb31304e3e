import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

// The demo is written in one transaction, so every event of its history carries the moment of loading:
// a roadmap approved by an order of 15.09 showed «создана, утверждена, выполнено» all dated today. Real
// roadmaps have a history of months: drafted in the weeks before the order, approved on the order's date,
// executed item by item up to today. This step re-dates the history the load has just written (the
// events stamped with the transaction's own now()) by each roadmap's order date, keeping the order in
// which the events happened; the evidence, comments and confirmations take the dates of their events.

/** Days a roadmap is drafted before its order (or before `today` for a draft without one). */
const DRAFTING_DAYS = 14;

/**
 * Re-dates the roadmap history written by the current transaction (the demo load):
 * - drafting (created, imported, sections, items) — spread over the two weeks before the order date;
 * - approval — the order date;
 * - execution of each item or task — from a few days before its deadline (not earlier than the day
 *   after the order, not later than `today`), one day per event in their order;
 * - archiving — the end of the roadmap's period.
 * Times are in working hours of Moscow (UTC+3).
 */
export async function dateDemoHistory(db: Db, opts: { today: string }): Promise<number> {
  const today = opts.today;
  const res = (await db.execute(sql`
    WITH ev AS (
      SELECT e.id, e.type, e.payload, e.roadmap_id,
             coalesce(e.item_id::text, CASE WHEN e.entity_type = 'task' THEN e.entity_id END) AS thing,
             i.due_date
        FROM audit_events e
        LEFT JOIN roadmap_items i ON i.id = e.item_id
       WHERE e.roadmap_id IS NOT NULL AND e.at = now()
    ),
    approval AS (
      SELECT roadmap_id, min(id) AS id FROM ev
       WHERE type = 'roadmap.status_changed' AND payload->>'to' = 'approved'
       GROUP BY roadmap_id
    ),
    anchor AS (
      SELECT r.id AS roadmap_id, a.id AS approval_id,
             least(coalesce(r.order_date, ${today}::date - 5), ${today}::date) AS approved_on,
             least(CASE WHEN r.period_kind = 'school_year' THEN make_date(r.period_year + 1, 8, 31)
                        ELSE make_date(r.period_year, 12, 31) END, ${today}::date) AS period_end
        FROM roadmaps r LEFT JOIN approval a ON a.roadmap_id = r.id
       WHERE r.id IN (SELECT roadmap_id FROM ev)
    ),
    phased AS (
      SELECT ev.*, an.approved_on, an.period_end,
             CASE WHEN an.approval_id IS NULL OR ev.id < an.approval_id THEN 0
                  WHEN ev.id = an.approval_id THEN 1 ELSE 2 END AS phase
        FROM ev JOIN anchor an USING (roadmap_id)
    ),
    ranked AS (
      SELECT p.*,
             row_number() OVER (PARTITION BY roadmap_id, phase ORDER BY id) AS n,
             count(*) OVER (PARTITION BY roadmap_id, phase) AS total,
             row_number() OVER (PARTITION BY roadmap_id, phase, thing ORDER BY id) AS k,
             count(*) OVER (PARTITION BY roadmap_id, phase, thing) AS steps
        FROM phased p
    ),
    dated AS (
      SELECT id,
        CASE
          WHEN phase = 0 THEN
            -- Position in the drafting weeks: whole days, then the working day 10:00–18:00 Moscow.
            (approved_on - ${sql.raw(String(DRAFTING_DAYS))})::timestamp
              + floor((n - 1) * ${sql.raw(String(DRAFTING_DAYS - 1))}.0 / total) * interval '1 day'
              + interval '7 hours'
              + ((n - 1) * ${sql.raw(String(DRAFTING_DAYS - 1))}.0 / total
                 - floor((n - 1) * ${sql.raw(String(DRAFTING_DAYS - 1))}.0 / total)) * interval '8 hours'
          WHEN phase = 1 THEN approved_on::timestamp + interval '9 hours'
          WHEN thing IS NULL AND type = 'roadmap.status_changed' AND payload->>'to' = 'archived' THEN
            greatest(period_end, approved_on + 1)::timestamp + interval '11 hours'
          WHEN thing IS NULL THEN (approved_on + 1)::timestamp + interval '8 hours' + n * interval '1 minute'
          ELSE
            greatest(approved_on + 1,
                     least(coalesce(due_date, ${today}::date), ${today}::date - steps::int) - 3)::timestamp
              + (k - 1) * interval '1 day' + interval '8 hours' + (n % 360) * interval '1 minute'
        END AS at
        FROM ranked
    )
    UPDATE audit_events e
       SET at = least(d.at, (${today}::date + 1)::timestamp - interval '1 minute') AT TIME ZONE 'UTC'
      FROM dated d
     WHERE e.id = d.id
  `)) as unknown as { affectedRows?: number; rowCount?: number };
  // The records the events describe show the same dates as their history.
  await db.execute(sql`
    UPDATE roadmap_item_evidence v SET added_at = e.at
      FROM audit_events e
     WHERE e.type = 'item.evidence_added' AND e.item_id = v.item_id AND e.payload->>'fileId' = v.file_id::text
       AND v.added_at = now()
  `);
  await db.execute(sql`
    UPDATE files f SET uploaded_at = v.added_at
      FROM roadmap_item_evidence v WHERE v.file_id = f.id AND f.uploaded_at = now()
  `);
  await db.execute(sql`
    UPDATE roadmap_item_comments c SET created_at = e.at
      FROM audit_events e
     WHERE e.type = 'item.comment_added' AND e.item_id = c.item_id AND e.payload->>'text' = c.text
       AND c.created_at = now()
  `);
  await db.execute(sql`
    UPDATE roadmap_items i SET confirmed_at = last.at
      FROM (SELECT item_id, max(at) AS at FROM audit_events WHERE type = 'item.confirmed' GROUP BY item_id) last
     WHERE last.item_id = i.id AND i.confirmed_at = now()
  `);
  await db.execute(sql`
    UPDATE roadmap_items i SET updated_at = last.at
      FROM (SELECT item_id, max(at) AS at FROM audit_events WHERE item_id IS NOT NULL GROUP BY item_id) last
     WHERE last.item_id = i.id AND i.updated_at = now()
  `);
  await db.execute(sql`
    UPDATE roadmaps r SET created_at = first.at
      FROM (SELECT roadmap_id, min(at) AS at FROM audit_events
             WHERE type IN ('roadmap.created', 'roadmap.imported') GROUP BY roadmap_id) first
     WHERE first.roadmap_id = r.id AND r.created_at = now()
  `);
  return res.affectedRows ?? res.rowCount ?? 0;
}
