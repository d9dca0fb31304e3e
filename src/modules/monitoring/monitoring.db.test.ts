import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedList } from '../../../tests/helpers/coverage-fixture.js';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { AppError } from '../../lib/errors.js';
import { createMonitoring } from './create-monitoring.js';
import { saveResponse, submitResponse } from './fill-response.js';
import { getMonitoring } from './get-monitoring.js';
import { getResponse } from './get-response.js';
import { listMonitorings } from './list-monitorings.js';
import { closeMonitoring, openMonitoring } from './open-monitoring.js';
import { reviewResponse } from './review-response.js';
import { templateByCode } from './templates.js';
import { updateMonitoring } from './update-monitoring.js';

// The life of a monitoring on a real database: a region's form for the ШНОР of the list in force, filled
// by a school with drafts, returned by the school's municipality, corrected, accepted; conflicts and access.

const TODAY = '2026-10-20';
const outcome = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

const complete = {
  teachers: 24,
  vacancies: 2,
  firstCategory: 55.5,
  computers: 30,
  equippedRooms: 40,
  internet: 'fast',
  methodist: 'yes',
  vacancyList: [{ subject: 'Физика', hours: 8, covered: 'overload' }],
};

describe.each(DB_KINDS)('monitoring lifecycle on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let id: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    await approvedList(database.db, f.R.id, 2025, 'shnor', [f.S1.id, f.S3.id]);
  });
  afterAll(async () => {
    await database?.close();
  });
  const version = async (actor: string, unitId: string) =>
    (await getResponse(database.db, { actor: f.as(actor), monitoringId: id, unitId, today: TODAY })).version;

  it('the region creates a draft from the template for the ШНОР of the list in force; nobody else may', async () => {
    const db = database.db;
    const input = {
      ownerUnitId: f.R.id,
      kind: 'form' as const,
      title: 'Мониторинг ресурсных дефицитов',
      year: 2026,
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      template: 'resource_deficits',
      participants: { mode: 'shnor' as const },
    };
    // The regional centre sees the region but does not run its monitorings; a municipality does not see it.
    expect(await outcome(createMonitoring(db, { actor: f.as('center'), ...input }))).toBe('FORBIDDEN');
    expect(await outcome(createMonitoring(db, { actor: f.as('mun1'), ...input }))).toBe('NOT_FOUND');
    id = await createMonitoring(db, { actor: f.as('region'), ...input });
    const m = await getMonitoring(db, { actor: f.as('region'), monitoringId: id, today: TODAY });
    expect(m.participants.map((p) => p.name).sort()).toEqual(['Школа 1', 'Школа 3']);
    expect(m.form).toEqual(templateByCode('resource_deficits')?.form);
    // A draft is the owner side's: the school does not see it yet.
    expect(await outcome(getMonitoring(db, { actor: f.as('school1'), monitoringId: id, today: TODAY }))).toBe(
      'NOT_FOUND',
    );
  });

  it('the draft is edited with a version check, then opened; the open form no longer changes', async () => {
    const db = database.db;
    const region = f.as('region');
    const m = await getMonitoring(db, { actor: region, monitoringId: id, today: TODAY });
    expect(
      await outcome(
        updateMonitoring(db, { actor: region, monitoringId: id, version: m.version + 5, title: 'Х' }),
      ),
    ).toBe('CONFLICT');
    await updateMonitoring(db, {
      actor: region,
      monitoringId: id,
      version: m.version,
      participants: { mode: 'units', unitIds: [f.S1.id, f.S2.id, f.S3.id] },
    });
    expect(
      await outcome(openMonitoring(db, { actor: f.as('center'), monitoringId: id, version: m.version + 1 })),
    ).toBe('FORBIDDEN');
    await openMonitoring(db, { actor: region, monitoringId: id, version: m.version + 1 });
    const open = await getMonitoring(db, { actor: region, monitoringId: id, today: TODAY });
    expect(open.status).toBe('open');
    expect(open.progress).toMatchObject({ total: 3, not_started: 3 });
    expect(
      await outcome(
        updateMonitoring(db, {
          actor: region,
          monitoringId: id,
          version: open.version,
          form: { sections: [] },
        }),
      ),
    ).toBe('INVALID_INPUT');
  });

  it('each side sees only its own: a school its form, a municipality its schools', async () => {
    const db = database.db;
    const seen = async (login: string) =>
      (await getMonitoring(db, { actor: f.as(login), monitoringId: id, today: TODAY })).participants
        .map((p) => p.name)
        .sort();
    expect(await seen('school1')).toEqual(['Школа 1']);
    expect(await seen('mun1')).toEqual(['Школа 1', 'Школа 2']);
    expect(await seen('mun2')).toEqual(['Школа 3']);
    expect(await seen('region')).toHaveLength(3);
    expect(
      await outcome(
        getResponse(db, { actor: f.as('school1'), monitoringId: id, unitId: f.S2.id, today: TODAY }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await outcome(
        getResponse(db, { actor: f.as('mun2'), monitoringId: id, unitId: f.S1.id, today: TODAY }),
      ),
    ).toBe('NOT_FOUND');
    expect(await outcome(getMonitoring(db, { actor: f.as('teacher'), monitoringId: id, today: TODAY }))).toBe(
      'NOT_FOUND',
    );
    const mine = (await listMonitorings(db, { actor: f.as('school1'), today: TODAY }))[0]?.mine;
    expect(mine).toEqual([
      { unitId: f.S1.id, unitName: 'Школа 1', status: 'not_started', returnComment: null },
    ]);
  });

  it('the school saves a draft, cannot submit it incomplete, submits; the municipality returns it, the school corrects', async () => {
    const db = database.db;
    const school = f.as('school1');
    const base = { actor: school, monitoringId: id, unitId: f.S1.id };
    // Wrong even in a draft: a share above 100 %.
    expect(await outcome(saveResponse(db, { ...base, version: 1, answers: { firstCategory: 120 } }))).toBe(
      'INVALID_INPUT',
    );
    await saveResponse(db, { ...base, version: 1, answers: { teachers: 24 } });
    expect(await outcome(saveResponse(db, { ...base, version: 1, answers: { teachers: 25 } }))).toBe(
      'CONFLICT',
    );
    const draft = await getResponse(db, { ...base, today: TODAY });
    expect(draft).toMatchObject({
      status: 'draft',
      answers: { teachers: 24 },
      canFill: true,
      canReview: false,
    });
    try {
      await submitResponse(db, { ...base, version: draft.version, answers: { teachers: 24 } });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).details?.fields).toContainEqual({
        field: 'answers.vacancies',
        message: 'Заполните поле',
      });
    }
    // Another school's team and the curator do not fill the school's form.
    expect(
      await outcome(
        saveResponse(db, { ...base, actor: f.as('curator'), version: draft.version, answers: {} }),
      ),
    ).toBe('FORBIDDEN');
    await submitResponse(db, { ...base, version: draft.version, answers: complete });
    expect(await outcome(saveResponse(db, { ...base, version: draft.version + 1, answers: complete }))).toBe(
      'INVALID_INPUT',
    );
    // The school does not review its own form; the municipality of another school does not see it.
    const v = await version('mun1', f.S1.id);
    expect(await outcome(reviewResponse(db, { ...base, version: v, decision: 'accept' }))).toBe('FORBIDDEN');
    expect(
      await outcome(reviewResponse(db, { ...base, actor: f.as('mun1'), version: v, decision: 'return' })),
    ).toBe('INVALID_INPUT');
    await reviewResponse(db, {
      ...base,
      actor: f.as('mun1'),
      version: v,
      decision: 'return',
      comment: 'Уточните число вакансий',
    });
    const returned = await getResponse(db, { ...base, today: TODAY });
    expect(returned).toMatchObject({
      status: 'returned',
      returnComment: 'Уточните число вакансий',
      canFill: true,
    });
    await submitResponse(db, { ...base, version: returned.version, answers: { ...complete, vacancies: 3 } });
    await reviewResponse(db, {
      ...base,
      actor: f.as('region'),
      version: returned.version + 1,
      decision: 'accept',
    });
    const accepted = await getResponse(db, { ...base, today: TODAY });
    expect(accepted).toMatchObject({ status: 'accepted', returnComment: null, answers: { vacancies: 3 } });
    const events = (await db.select().from(auditEvents)).filter(
      (e) => e.entityId === accepted.monitoring.id || e.type.startsWith('monitoring_response'),
    );
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'monitoring.created',
        'monitoring.opened',
        'monitoring_response.submitted',
        'monitoring_response.reviewed',
      ]),
    );
  });

  it('progress counts by status and municipality, overdue after the deadline; closing stops filling and returning', async () => {
    const db = database.db;
    const late = await getMonitoring(db, { actor: f.as('region'), monitoringId: id, today: '2026-11-05' });
    expect(late.progress).toMatchObject({ total: 3, accepted: 1, not_started: 2, overdue: 2 });
    expect(late.byMunicipality.map((m) => [m.name, m.total, m.overdue])).toEqual([
      ['Второй район', 1, 1],
      ['Первый район', 2, 1],
    ]);
    // A form submitted before the close may be accepted after it, never returned: nobody could correct it.
    const v0 = await version('school2', f.S2.id);
    const s2 = { monitoringId: id, unitId: f.S2.id };
    await submitResponse(db, { actor: f.as('school2'), ...s2, version: v0, answers: complete });
    await closeMonitoring(db, { actor: f.as('region'), monitoringId: id, version: late.version });
    const closed = await getResponse(db, { actor: f.as('mun1'), ...s2, today: TODAY });
    expect([closed.canReview, closed.canReturn]).toEqual([true, false]);
    const review = (decision: 'accept' | 'return', version: number) =>
      reviewResponse(db, { actor: f.as('mun1'), ...s2, version, decision, comment: 'Уточните вакансии' });
    expect(await outcome(review('return', closed.version))).toBe('INVALID_INPUT');
    expect(await outcome(review('accept', closed.version))).toBe('OK');
    const v = await version('school2', f.S2.id);
    expect(
      await outcome(
        saveResponse(db, {
          actor: f.as('school2'),
          monitoringId: id,
          unitId: f.S2.id,
          version: v,
          answers: {},
        }),
      ),
    ).toBe('INVALID_INPUT');
  });
});
