import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { pupilRecords, pupilResults } from '../../db/schema/pupils.js';
import { pupilAggregates } from './aggregates.js';
import { pupilCard } from './card.js';
import { recordResult, setCheckpoints, unitCheckpoints } from './checkpoints.js';
import { schoolSummary } from './dynamics.js';
import { pupilExportData, pupilExportDocx } from './export.js';
import { base, code, type PupilsSetting, setUpPupils, YEAR } from './pupils-setup.js';
import { purgeExpiredPupils } from './purge.js';
import { createPupil, excludePupil } from './registry.js';

// The registry of pupils at risk, the rest of the chain from the registry pupils-setup.ts builds:
// checkpoints and results, the dynamics, counts above the school, the export for a parent, the sweep.

describe.each(DB_KINDS)('registry of pupils at risk on %s', (kind) => {
  let database: Database;
  let f: PupilsSetting['f'];
  let ids: PupilsSetting['ids'];
  beforeAll(async () => {
    ({ database, f, ids } = await setUpPupils(kind, 'registry'));
  }, 60_000);
  afterAll(async () => database?.close());

  it('checkpoints: defaults, a school’s own list; results at a checkpoint of the list only', async () => {
    const db = database.db;
    const d = await unitCheckpoints(db, { actor: f.as('school1'), unitId: f.S1.id, year: YEAR });
    expect(d.own).toBe(false);
    expect(d.checkpoints.map((c) => c.key)).toEqual(['oct', 'q1', 'q2', 'q3', 'q4', 'jul']);
    expect(
      await code(
        setCheckpoints(db, { actor: f.as('mun1'), unitId: f.S1.id, input: { year: YEAR, checkpoints: [] } }),
      ),
    ).toBe('FORBIDDEN');
    const region = await setCheckpoints(db, {
      actor: f.as('region'),
      unitId: f.R.id,
      input: {
        year: YEAR,
        checkpoints: [
          { key: 'oct', name: 'Октябрь', date: '2026-10-05' },
          { key: 'dec', name: 'Декабрь', date: '2026-12-25' },
          { key: 'may', name: 'Май', date: '2027-05-25' },
        ],
      },
    });
    expect(region.own).toBe(true);
    const s = await unitCheckpoints(db, { actor: f.as('school1'), unitId: f.S1.id, year: YEAR });
    expect(s.checkpoints.map((c) => c.key)).toEqual(['oct', 'dec', 'may']);
    expect(
      await code(
        recordResult(db, {
          actor: f.as('school1'),
          id: ids.a ?? '',
          key: 'q1',
          input: { status: 'weak', marks: {} },
        }),
      ),
    ).toBe('INVALID_INPUT');
  });

  it('dynamics: improved, same, worse and left between two checkpoints, per class and subject', async () => {
    const db = database.db;
    const rec = (id: string, key: string, status: 'failing' | 'weak' | 'at_risk' | 'succeeding') =>
      recordResult(db, { actor: f.as('school1'), id, key, input: { status, marks: { Математика: 3 } } });
    const [a, b, c, d, e, g] = [
      ids.a,
      ids['Второй В. В.'],
      ids['Третий Т. Т.'],
      ids['Четвёртый Ч. Ч.'],
      ids['Пятый П. П.'],
      ids['Шестой Ш. Ш.'],
    ] as string[];
    await rec(a as string, 'oct', 'weak');
    await rec(b as string, 'oct', 'failing');
    await rec(c as string, 'oct', 'at_risk');
    await rec(d as string, 'oct', 'weak');
    await rec(e as string, 'oct', 'weak');
    await rec(g as string, 'oct', 'failing');
    await rec(a as string, 'dec', 'succeeding'); // improved
    await rec(b as string, 'dec', 'weak'); // improved
    await rec(c as string, 'dec', 'weak'); // worse
    await rec(d as string, 'dec', 'weak'); // same
    // e: no result at «dec» yet; g: leaves the registry
    const card = await pupilCard(db, { actor: f.as('school1'), id: g as string });
    await excludePupil(db, {
      actor: f.as('school1'),
      id: g as string,
      input: { version: card.version, excludedOn: '2026-11-10', reason: 'moved' },
      retentionDays: 30,
    });
    expect(
      await code(
        recordResult(db, {
          actor: f.as('school1'),
          id: a as string,
          key: 'dec',
          input: { status: 'weak', marks: {} },
        }),
      ),
    ).toBe('CONFLICT');
    const s = await schoolSummary(db, { actor: f.as('school1'), schoolId: f.S1.id, year: YEAR });
    expect([s.from, s.to]).toEqual(['oct', 'dec']);
    expect(s.total).toEqual({ total: 6, improved: 2, same: 1, worse: 1, left: 1, noData: 1 });
    expect(s.byClass.find((x) => x.classLabel === '8Б')).toMatchObject({ total: 1, improved: 1 });
    expect(s.byClass.find((x) => x.classLabel === '5А')).toMatchObject({
      total: 5,
      improved: 1,
      worse: 1,
      left: 1,
    });
    expect(s.bySubject).toEqual([
      { subject: 'Математика', total: 6, improved: 2, same: 1, worse: 1, left: 1, noData: 1 },
    ]);
    expect(s.inRegistry).toBe(5);
    expect(await code(schoolSummary(db, { actor: f.as('mun1'), schoolId: f.S1.id, year: YEAR }))).toBe(
      'FORBIDDEN',
    );
  });

  it('counts above the school never carry a number from 1 to 4; the teacher and the expert get none', async () => {
    const db = database.db;
    // Seven more pupils in S2 so that one school shows numbers and the other hides them.
    for (let n = 0; n < 7; n++)
      await createPupil(db, {
        actor: f.as('school2'),
        schoolId: f.S2.id,
        input: {
          ...base,
          name: `Ученик ${n} (второй)`,
          category: n < 6 ? 'weak' : 'failing',
          teacherIds: [],
        },
      });
    const m = await pupilAggregates(db, { actor: f.as('mun1'), unitId: f.M1.id, year: YEAR });
    expect(m.rowsAre).toBe('schools');
    const s1 = m.byCategory.rows.find((r) => r.unitId === f.S1.id);
    const s2 = m.byCategory.rows.find((r) => r.unitId === f.S2.id);
    // S1 registered in the year (the excluded one too: every table counts the same pupils, so no two
    // totals differ by a hidden cell): 6, each category under 5 — yet 6 between 3 and 12 gives none away.
    expect(s1?.total).toBe(6);
    expect(s1?.cells).toEqual(['менее 5', 'менее 5', 'менее 5']);
    // S2: weak 6, failing 1 → failing is hidden, and so is weak (else 7 − 6 gives it away).
    expect(s2?.total).toBe(7);
    expect(s2?.cells).toEqual(['менее 5', 'скрыто', 0]);
    expect(m.byCategory.total.total).toBe(13);
    // One tree for every level: a school asked about alone shows exactly its row of the municipality's
    // table (the review drilled into a school and read a cell the municipality hid), and every table
    // counts the same pupils (the dynamics' total minus the categories' gave «выбыли» away).
    const alone = await pupilAggregates(db, { actor: f.as('mun1'), unitId: f.S2.id, year: YEAR });
    for (const key of ['byCategory', 'byGrade', 'byDynamics', 'bySubject', 'byCauseGroup'] as const) {
      const byColumn = (t: typeof m.byCategory, cells: unknown[] | undefined) =>
        Object.fromEntries(t.columns.map((c, j) => [c.key, cells?.[j]]));
      const inMunicipality = byColumn(m[key], m[key].rows.find((r) => r.unitId === f.S2.id)?.cells);
      const own = byColumn(alone[key], alone[key].rows[0]?.cells);
      for (const [column, cell] of Object.entries(own))
        expect(cell, `${key} ${column}`).toEqual(inMunicipality[column]);
      expect(m[key].total.total, key).toBe(m.byCategory.total.total);
    }
    const numbers = (t: typeof m.byCategory) =>
      [...t.rows.flatMap((r) => [r.total, ...r.cells]), t.total.total, ...t.total.cells].filter(
        (x): x is number => typeof x === 'number',
      );
    for (const t of [m.byCategory, m.byCauseGroup, m.byGrade, m.bySubject, m.byDynamics])
      for (const n of numbers(t)) expect(n === 0 || n >= 5, `${n}`).toBe(true);
    // A table with one hidden part under a shown total never stays so.
    for (const t of [m.byCategory, m.byGrade, m.byDynamics])
      for (const r of t.rows)
        if (typeof r.total === 'number')
          expect(r.cells.filter((c) => typeof c !== 'number').length).not.toBe(1);
    const region = await pupilAggregates(db, { actor: f.as('region'), unitId: f.R.id, year: YEAR });
    expect(region.rowsAre).toBe('municipalities');
    expect(region.byCategory.rows.find((r) => r.unitId === f.M1.id)?.total).toBe(13);
    expect(JSON.stringify(region)).not.toMatch(/Секретов|Ученик|2013-04-05/);
    expect(await code(pupilAggregates(db, { actor: f.as('teacher'), unitId: f.S1.id, year: YEAR }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(pupilAggregates(db, { actor: f.as('expert'), unitId: f.R.id, year: YEAR }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(pupilAggregates(db, { actor: f.as('mun2'), unitId: f.M1.id, year: YEAR }))).toBe(
      'NOT_FOUND',
    );
  });

  it('exports everything about one pupil for a parent (team only), as JSON and DOCX', async () => {
    const db = database.db;
    const data = await pupilExportData(db, { actor: f.as('school1'), id: ids.a ?? '', format: 'json' });
    expect(data.name).toBe('Секретов П. И.');
    expect(data.measures).toHaveLength(2);
    expect(data.results.map((r) => r.checkpointKey)).toEqual(['oct', 'dec']);
    expect(data.reads.length).toBeGreaterThan(2);
    const docx = await pupilExportDocx(data);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(await code(pupilExportData(db, { actor: f.as('teacher'), id: ids.a ?? '', format: 'json' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('the sweep deletes records past their retention with measures and results, and counts them', async () => {
    const db = database.db;
    const g = ids['Шестой Ш. Ш.'] as string;
    const historyOf = () =>
      db
        .select({ type: auditEvents.type })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'pupil_record'), eq(auditEvents.entityId, g)));
    expect((await historyOf()).length).toBeGreaterThan(0);
    expect((await purgeExpiredPupils(db, { today: '2026-12-09' })).records).toBe(0);
    const r = await purgeExpiredPupils(db, { today: '2026-12-10' });
    expect(r).toEqual({ records: 1, measures: 0, results: 1 });
    expect(await db.select().from(pupilRecords).where(eq(pupilRecords.id, g))).toEqual([]);
    expect(await db.select().from(pupilResults).where(eq(pupilResults.recordId, g))).toEqual([]);
    // Its history (category, causes, results) went too; only reads of the card may stay.
    expect((await historyOf()).filter((e) => e.type !== 'pupil.card_read')).toEqual([]);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.type, 'pupils.purged'));
    expect(event?.payload).toEqual({ records: 1, measures: 0, results: 1 });
    expect(event?.orgUnitId).toBe(f.S1.id);
    expect((await purgeExpiredPupils(db, { today: '2026-12-10' })).records).toBe(0);
  });
});
