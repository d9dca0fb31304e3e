import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { items } from '../../db/schema/roadmaps.js';
import { AppError } from '../../lib/errors.js';
import { plural } from '../../lib/plural.js';
import { getDashboard } from '../dashboard/get-dashboard.js';
import { parseRoadmapDocument } from '../documents/import/index.js';
import { deleteRoadmap } from './delete-roadmap.js';
import { searchItems } from './find-items.js';
import { getRoadmap } from './get-roadmap.js';
import { pastDeadlinesMessage } from './past-deadlines.js';
import { periodEnded } from './past-period.js';
import { saveImportedRoadmaps } from './save-imported-roadmaps.js';
import { setItemStatus } from './set-item-status.js';
import { updateRoadmap } from './update-roadmap.js';

// Issue 10, part 4: a roadmap of a period that has ended is kept as an archived record that is never
// overdue; approving a roadmap whose deadlines have passed warns with their count first.

const seed = (name: string) => fs.readFileSync(path.join(process.cwd(), 'seeds', name));
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: AppError) => `${e.code}: ${e.message}`,
  );

describe('the wording of the approval warning', () => {
  it('agrees the counted word and the verb for 1, 2, 5, 21', () => {
    expect([1, 2, 5, 21].map(pastDeadlinesMessage)).toEqual([
      '1 мероприятие со сроком в прошлом сразу станет просроченным. Утвердить всё равно?',
      '2 мероприятия со сроком в прошлом сразу станут просроченными. Утвердить всё равно?',
      '5 мероприятий со сроком в прошлом сразу станут просроченными. Утвердить всё равно?',
      '21 мероприятие со сроком в прошлом сразу станет просроченным. Утвердить всё равно?',
    ]);
    expect(plural(11, ['день', 'дня', 'дней'])).toBe('дней');
    expect(plural(22, ['день', 'дня', 'дней'])).toBe('дня');
  });

  it('knows which periods have ended', () => {
    const today = new Date('2026-12-06T10:00:00Z');
    expect(periodEnded({ periodKind: 'school_year', periodYear: 2022 }, today)).toBe(true);
    expect(periodEnded({ periodKind: 'school_year', periodYear: 2026 }, today)).toBe(false);
    expect(periodEnded({ periodKind: 'school_year', periodYear: 2025 }, today)).toBe(true);
    expect(periodEnded({ periodKind: 'calendar_year', periodYear: 2026 }, today)).toBe(false);
    expect(periodEnded({ periodKind: 'calendar_year', periodYear: 2025 }, today)).toBe(true);
  });
});

describe.each(DB_KINDS)('past roadmaps on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
  });
  afterAll(() => database.close());

  /** The Penza district's 2022/23 roadmap: every deadline is in the past. */
  const penza = async (archive: boolean) => {
    const parsed = await parseRoadmapDocument('penza.txt', seed('penza-district-2022-2023.txt'));
    return parsed.roadmaps.map((r) => ({
      title: r.title,
      kind: r.meta.kind,
      periodKind: r.meta.periodKind ?? ('school_year' as const),
      periodYear: r.meta.periodYear ?? 2022,
      approval: r.approval,
      sections: r.sections,
      archive,
    }));
  };

  it('saves a past period as an archived record: execution imported, read-only, never overdue', async () => {
    const [saved] = await saveImportedRoadmaps(database.db, {
      actor: f.as('mun1'),
      input: { orgUnitId: f.M1.id, fileName: 'penza.txt', roadmaps: await penza(true) },
    });
    if (!saved) throw new Error('nothing saved');
    const r = await getRoadmap(database.db, { actor: f.as('mun1'), roadmapId: saved.id });
    expect([r.status, r.executionImported]).toEqual(['archived', true]);
    const all = r.sections.flatMap((s) => s.items);
    expect(all.length).toBeGreaterThan(10);
    expect(all.every((i) => i.status === 'done' && !i.overdue)).toBe(true);
    expect(
      all.every((i) => i.statusComment === 'Исполнено по данным документа (отметка импортирована)'),
    ).toBe(true);
    expect(r.progress).toMatchObject({ overdue: 0, done: all.length, total: all.length });

    // Even with the marks reopened in the database, an archived record is out of every overdue count.
    await database.db.update(items).set({ status: 'planned' }).where(eq(items.roadmapId, saved.id));
    for (const who of ['mun1', 'region', 'school1']) {
      const overdue = await searchItems(database.db, {
        actor: f.as(who),
        filter: { view: 'overdue' },
        limit: 10,
      });
      expect(overdue.total).toBe(0);
      const d = await getDashboard(database.db, { actor: f.as(who) });
      expect(d.overdue.total).toBe(0);
      expect(d.rollUp?.units.every((u) => u.overdue === 0) ?? true).toBe(true);
    }
    const again = await getRoadmap(database.db, { actor: f.as('mun1'), roadmapId: saved.id });
    expect(again.progress.overdue).toBe(0);

    const first = again.sections[0]?.items[0];
    if (!first) throw new Error('no item');
    expect(
      await code(
        setItemStatus(database.db, {
          actor: f.as('mun1'),
          itemId: first.id,
          input: { status: 'in_progress', version: first.version },
        }),
      ),
    ).toMatch(/^INVALID_INPUT: Это архивная запись завершённого периода/);
    expect(
      await code(
        updateRoadmap(database.db, {
          actor: f.as('mun1'),
          roadmapId: saved.id,
          input: { status: 'approved', version: again.version },
        }),
      ),
    ).toMatch(/^INVALID_INPUT: Это архивная запись/);
    // A wrong import can be undone.
    await deleteRoadmap(database.db, { actor: f.as('mun1'), roadmapId: saved.id, version: again.version });
  });

  it('refuses to archive a roadmap whose period is still running', async () => {
    const year = new Date().getUTCFullYear();
    const input = {
      orgUnitId: f.S1.id,
      roadmaps: [
        {
          title: 'План школы на следующий год',
          periodKind: 'school_year' as const,
          periodYear: year + 1,
          archive: true,
          sections: [
            { number: null, title: null, items: [{ measure: 'Педсовет', deadline: { text: 'март' } }] },
          ],
        },
      ],
    };
    expect(await code(saveImportedRoadmaps(database.db, { actor: f.as('school1'), input }))).toBe(
      `INVALID_INPUT: Архивной записью можно сохранить только дорожную карту завершённого периода, а ${year + 1}/${year + 2} учебный год ещё не закончился`,
    );
  });

  it('warns with the count before approving a roadmap whose deadlines have passed', async () => {
    const [saved] = await saveImportedRoadmaps(database.db, {
      actor: f.as('mun1'),
      input: { orgUnitId: f.M1.id, roadmaps: await penza(false) },
    });
    if (!saved) throw new Error('nothing saved');
    const draft = await getRoadmap(database.db, { actor: f.as('mun1'), roadmapId: saved.id });
    const past = draft.sections.flatMap((s) => s.items).filter((i) => i.dueDate && i.dueDate < '2026-01-01');
    expect(past.length).toBe(saved.items);
    const order = { orderNumber: '12-од', orderDate: '2022-09-01', version: draft.version };
    const refused = await updateRoadmap(database.db, {
      actor: f.as('mun1'),
      roadmapId: saved.id,
      input: { status: 'approved', ...order },
    }).catch((e: AppError) => e);
    if (!(refused instanceof AppError)) throw new Error('approved without a warning');
    expect(refused.message).toBe(pastDeadlinesMessage(saved.items));
    expect(refused.details?.fields?.[0]?.field).toBe('acknowledgePastDeadlines');
    const unchanged = await getRoadmap(database.db, { actor: f.as('mun1'), roadmapId: saved.id });
    expect([unchanged.status, unchanged.version]).toEqual(['draft', draft.version]);

    await updateRoadmap(database.db, {
      actor: f.as('mun1'),
      roadmapId: saved.id,
      input: { status: 'approved', acknowledgePastDeadlines: true, ...order },
    });
    const approved = await getRoadmap(database.db, { actor: f.as('mun1'), roadmapId: saved.id });
    expect([approved.status, approved.progress.overdue]).toEqual(['approved', saved.items]);
  });

  it('keeps a draft of an ended period as an archived record instead of approving it', async () => {
    const [saved] = await saveImportedRoadmaps(database.db, {
      actor: f.as('mun2'),
      input: { orgUnitId: f.M2.id, roadmaps: await penza(false) },
    });
    if (!saved) throw new Error('nothing saved');
    const archive = (extra: object) =>
      updateRoadmap(database.db, {
        actor: f.as('mun2'),
        roadmapId: saved.id,
        input: { status: 'archived', version: 1, ...extra },
      });
    expect(await code(archive({}))).toBe(
      'INVALID_INPUT: Черновик переводится в архив только как архивная запись завершённого периода',
    );
    await archive({ archiveAsRecord: true });
    const r = await getRoadmap(database.db, { actor: f.as('mun2'), roadmapId: saved.id });
    expect([r.status, r.executionImported, r.progress.done, r.progress.overdue]).toEqual([
      'archived',
      true,
      saved.items,
      0,
    ]);
  });

  it('refuses to keep a draft of a running period as an archived record', async () => {
    const year = new Date().getUTCFullYear();
    const [saved] = await saveImportedRoadmaps(database.db, {
      actor: f.as('school3'),
      input: {
        orgUnitId: f.S3.id,
        roadmaps: [
          {
            title: 'План школы',
            periodKind: 'calendar_year',
            periodYear: year,
            sections: [
              { number: null, title: null, items: [{ measure: 'Педсовет', deadline: { text: 'декабрь' } }] },
            ],
          },
        ],
      },
    });
    if (!saved) throw new Error('nothing saved');
    expect(
      await code(
        updateRoadmap(database.db, {
          actor: f.as('school3'),
          roadmapId: saved.id,
          input: { status: 'archived', archiveAsRecord: true, version: 1 },
        }),
      ),
    ).toBe(
      `INVALID_INPUT: Архивной записью можно сохранить только дорожную карту завершённого периода, а ${year} год ещё не закончился`,
    );
  });

  it('approves without a warning when no deadline has passed', async () => {
    const year = new Date().getUTCFullYear();
    const [saved] = await saveImportedRoadmaps(database.db, {
      actor: f.as('school2'),
      input: {
        orgUnitId: f.S2.id,
        roadmaps: [
          {
            title: 'План школы',
            periodKind: 'calendar_year',
            periodYear: year + 1,
            sections: [
              { number: null, title: null, items: [{ measure: 'Педсовет', deadline: { text: 'декабрь' } }] },
            ],
          },
        ],
      },
    });
    if (!saved) throw new Error('nothing saved');
    const r = await updateRoadmap(database.db, {
      actor: f.as('school2'),
      roadmapId: saved.id,
      input: { status: 'approved', orderNumber: '3', orderDate: `${year}-01-10`, version: 1 },
    });
    expect(r.status).toBe('approved');
  });
});
