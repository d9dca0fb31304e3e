import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { items, roadmaps } from '../../db/schema/roadmaps.js';
import { AppError } from '../../lib/errors.js';
import { parseRoadmapDocument } from '../documents/import/index.js';
import { getRoadmap } from './get-roadmap.js';
import { saveImportedRoadmaps } from './save-imported-roadmaps.js';

const seed = (name: string) => fs.readFileSync(path.join(process.cwd(), 'seeds', name));

describe.each(DB_KINDS)('saving imported roadmaps on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
  });
  afterAll(() => database.close());

  const asInput = async (file: string) => {
    const parsed = await parseRoadmapDocument(file, seed(file));
    return parsed.roadmaps.map((r) => ({
      title: r.title,
      kind: r.meta.kind,
      periodKind: r.meta.periodKind ?? ('school_year' as const),
      periodYear: r.meta.periodYear ?? 2022,
      approval: r.approval,
      sections: r.sections,
    }));
  };
  const total = async () => (await database.db.select({ n: count() }).from(roadmaps))[0]?.n ?? 0;

  it('saves a parsed seed as a draft with every item and sub-item in place', async () => {
    const input = {
      orgUnitId: f.M1.id,
      fileName: 'sharan.txt',
      roadmaps: await asInput('sharan-district-2022-2023.txt'),
    };
    const [saved] = await saveImportedRoadmaps(database.db, { actor: f.as('mun1'), input });
    if (!saved) throw new Error('nothing saved');
    const r = await getRoadmap(database.db, { actor: f.as('mun1'), roadmapId: saved.id });
    expect(r.status).toBe('draft');
    expect(r.sections.length).toBe(6);
    const all = r.sections.flatMap((s) => s.items);
    expect(all.filter((i) => !i.parentItemId).length).toBe(67);
    const parent = all.find((i) => i.number === '5.4');
    expect(all.filter((i) => i.parentItemId === parent?.id).length).toBe(2);
    expect(all.every((i) => i.dueDate)).toBe(true);
  });

  it('reads the wording when no structured period is given', async () => {
    const [saved] = await saveImportedRoadmaps(database.db, {
      actor: f.as('school1'),
      input: {
        orgUnitId: f.S1.id,
        roadmaps: [
          {
            title: 'План школы',
            periodKind: 'school_year',
            periodYear: 2022,
            sections: [
              {
                number: null,
                title: null,
                items: [{ measure: 'Педсовет', deadline: { text: 'март 2023' } }],
              },
            ],
          },
        ],
      },
    });
    const [row] = await database.db
      .select()
      .from(items)
      .where(eq(items.roadmapId, saved?.id ?? ''));
    expect([row?.periodFrom, row?.periodTo, row?.dueDate]).toEqual(['2023-03', '2023-03', '2023-03-31']);
  });

  it('saves all roadmaps of a file or none, and only for a unit the actor keeps', async () => {
    const before = await total();
    const smolensk = await asInput('smolensk-region-2022-2023.txt');
    const broken = smolensk.map((r, i) => (i === 2 ? { ...r, title: '' } : r));
    await expect(
      saveImportedRoadmaps(database.db, {
        actor: f.as('region'),
        input: { orgUnitId: f.R.id, roadmaps: broken },
      }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await total()).toBe(before);
    const deny = (login: string, unitId: string) =>
      saveImportedRoadmaps(database.db, {
        actor: f.as(login),
        input: { orgUnitId: unitId, roadmaps: smolensk },
      }).catch((e: AppError) => e.code);
    expect(await deny('school1', f.M1.id)).toBe('NOT_FOUND');
    expect(await deny('curator', f.S1.id)).toBe('FORBIDDEN');
    const saved = await saveImportedRoadmaps(database.db, {
      actor: f.as('region'),
      input: { orgUnitId: f.R.id, roadmaps: smolensk },
    });
    expect(saved.map((s) => s.items)).toEqual([45, 39, 34]);
  });
});
