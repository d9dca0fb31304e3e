import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import { createOrReplaceDraftList } from './create-list.js';
import { removeDecision, setDecision } from './list-decisions.js';
import { includedSchools } from './list-rule.js';
import { listComparison } from './list-views.js';
import { getList, listLists } from './lists.js';
import { code, failure, type ListsSetting, setUpLists } from './lists-setup.js';

// Identification lists, the draft of a year, decisions on it, another run, hidden from
// municipalities and schools. One part of the chain that lists-setup.ts builds up to.

describe('includedSchools', () => {
  it('is the run’s ШНОР plus inclusions minus exclusions', () => {
    const out = includedSchools(new Set(['a', 'b']), [
      { schoolId: 'b', decision: 'exclude' },
      { schoolId: 'c', decision: 'include' },
      { schoolId: 'a', decision: 'include' },
      { schoolId: 'd', decision: 'exclude' },
    ]);
    expect([...out].sort()).toEqual(['a', 'c']);
  });
});

describe.each(DB_KINDS)('identification lists (drafts) on %s', (kind) => {
  let s: ListsSetting;
  let f: ListsSetting['f'];
  let run25a = '';
  let run25b = '';
  let list25 = '';
  const db = () => s.database.db;
  const makeRun: ListsSetting['makeRun'] = (...a) => s.makeRun(...a);

  beforeAll(async () => {
    s = await setUpLists(kind, 'runs');
    ({ f, run25a, run25b, list25 } = s);
  });
  afterAll(() => s.database.close());

  it('creates one draft per year from a finished run, for the regional operator only', async () => {
    const running = await makeRun(2025, [], 'running');
    expect(await code(createOrReplaceDraftList(db(), { actor: f.as('region'), runId: running }))).toBe(
      'INVALID_INPUT',
    );
    expect(await code(createOrReplaceDraftList(db(), { actor: f.as('center'), runId: run25a }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(createOrReplaceDraftList(db(), { actor: f.as('mun1'), runId: run25a }))).toBe(
      'NOT_FOUND',
    );
    const l = await createOrReplaceDraftList(db(), { actor: f.as('region'), runId: run25a });
    list25 = l.id;
    expect(l).toMatchObject({
      year: 2025,
      status: 'draft',
      version: 1,
      canEdit: true,
      counts: { computed: 2, included: 2, excluded: 0 },
      run: { id: run25a, methodology: { code: 'opora-default', version: 1 } },
    });
    const again = await createOrReplaceDraftList(db(), { actor: f.as('region'), runId: run25a });
    expect(again.id).toBe(list25);
    expect(again.version).toBe(1);
    const detail = await getList(db(), { actor: f.as('expert'), listId: list25 });
    expect(detail.canEdit).toBe(false);
    // By municipality («Второй район» first), then by school.
    expect(detail.entries.map((e) => e.school.name)).toEqual(['Школа 3', 'Школа 1', 'Школа 2']);
    const s1 = detail.entries[1];
    expect(s1).toMatchObject({
      school: { id: f.S1.id, municipality: { id: f.M1.id, name: 'Первый район' } },
      computed: true,
      included: true,
      decision: null,
      flags: { shnor: true, stagnation: true, riskZone: false },
      cluster: 1,
      resultIndex: 0.5,
    });
    expect(s1?.reasons[0]).toBe('ШНОР: 2025, S1');
    expect(s1?.lowProcedures).toEqual([
      { assessment: 'ВПР', subject: 'математика', grade: 5, lowShare: 0.34 },
    ]);
  });

  it('records decisions with reasons and detects stale versions', async () => {
    const region = f.as('region');
    const short = await failure(
      setDecision(db(), {
        actor: region,
        listId: list25,
        schoolId: f.S3.id,
        decision: 'exclude',
        reason: 'нет',
        version: 1,
      }),
    );
    expect(short.code).toBe('INVALID_INPUT');
    expect(short.message).toContain('не короче 5 символов');
    expect(
      await code(
        setDecision(db(), {
          actor: f.as('expert'),
          listId: list25,
          schoolId: f.S3.id,
          decision: 'exclude',
          reason: 'Проверка не подтвердила',
          version: 1,
        }),
      ),
    ).toBe('FORBIDDEN');
    const excluded = await setDecision(db(), {
      actor: region,
      listId: list25,
      schoolId: f.S3.id,
      decision: 'exclude',
      reason: 'Результаты признаны необъективными по итогам перепроверки',
      version: 1,
    });
    expect(excluded).toMatchObject({ version: 2, counts: { computed: 2, included: 1, excluded: 1 } });
    expect(
      await code(
        setDecision(db(), {
          actor: region,
          listId: list25,
          schoolId: f.S2.id,
          decision: 'include',
          reason: 'По заявлению муниципалитета',
          version: 1,
        }),
      ),
    ).toBe('CONFLICT');
    // Redundant or foreign decisions are refused.
    for (const [schoolId, decision] of [
      [f.S1.id, 'include'],
      [f.S2.id, 'exclude'],
      [f.M1.id, 'include'],
    ] as const) {
      expect(
        await code(
          setDecision(db(), {
            actor: region,
            listId: list25,
            schoolId,
            decision,
            reason: 'Причина решения',
            version: 2,
          }),
        ),
      ).toBe('INVALID_INPUT');
    }
    const included = await setDecision(db(), {
      actor: region,
      listId: list25,
      schoolId: f.S2.id,
      decision: 'include',
      reason: 'По заявлению муниципалитета',
      version: 2,
    });
    expect(included).toMatchObject({ version: 3, counts: { computed: 2, included: 2, excluded: 1 } });
    const removed = await removeDecision(db(), {
      actor: region,
      listId: list25,
      schoolId: f.S2.id,
      version: 3,
    });
    expect(removed).toMatchObject({ version: 4, counts: { included: 1 } });
    expect(
      await code(removeDecision(db(), { actor: region, listId: list25, schoolId: f.S2.id, version: 4 })),
    ).toBe('NOT_FOUND');
    expect(
      await code(removeDecision(db(), { actor: region, listId: list25, schoolId: f.S3.id, version: 3 })),
    ).toBe('CONFLICT');
    const detail = await getList(db(), { actor: region, listId: list25 });
    expect(detail.version).toBe(4);
    const s3 = detail.entries.find((e) => e.school.id === f.S3.id);
    expect(s3).toMatchObject({
      computed: true,
      included: false,
      decision: {
        decision: 'exclude',
        reason: 'Результаты признаны необъективными по итогам перепроверки',
        decidedBy: { fullName: 'Пользователь region' },
      },
    });
    const onlyExcluded = await getList(db(), { actor: region, listId: list25, filter: { flag: 'excluded' } });
    expect(onlyExcluded.entries.map((e) => e.school.id)).toEqual([f.S3.id]);
    expect(onlyExcluded.counts).toEqual({ computed: 2, included: 1, excluded: 1 });
    const m2 = await getList(db(), { actor: region, listId: list25, filter: { municipalityId: f.M2.id } });
    expect(m2.entries.map((e) => e.school.id)).toEqual([f.S3.id]);
  });

  it('switches the draft to another run, keeping decisions of the schools still present', async () => {
    const region = f.as('region');
    await setDecision(db(), {
      actor: region,
      listId: list25,
      schoolId: f.S2.id,
      decision: 'include',
      reason: 'По заявлению муниципалитета',
      version: 4,
    });
    expect(await code(createOrReplaceDraftList(db(), { actor: region, runId: run25b, version: 4 }))).toBe(
      'CONFLICT',
    );
    const switched = await createOrReplaceDraftList(db(), { actor: region, runId: run25b, version: 5 });
    expect(switched).toMatchObject({ id: list25, version: 6, run: { id: run25b } });
    let detail = await getList(db(), { actor: region, listId: list25 });
    expect(detail.entries.map((e) => [e.school.id, e.decision?.decision ?? null])).toEqual([
      [f.S3.id, 'exclude'],
      [f.S1.id, null],
    ]);
    const back = await createOrReplaceDraftList(db(), { actor: region, runId: run25a });
    expect(back).toMatchObject({ id: list25, version: 7, counts: { computed: 2, included: 1, excluded: 1 } });
    await setDecision(db(), {
      actor: region,
      listId: list25,
      schoolId: f.S2.id,
      decision: 'include',
      reason: 'По заявлению муниципалитета',
      version: 7,
    });
    detail = await getList(db(), { actor: region, listId: list25 });
    expect(detail.entries.filter((e) => e.included).map((e) => e.school.id)).toEqual([f.S1.id, f.S2.id]);
    expect((await listLists(db(), { actor: region, year: 2025 })).map((l) => l.id)).toEqual([list25]);
  });

  it('hides drafts from municipalities and schools', async () => {
    for (const login of ['mun1', 'mun2', 'school1', 'curator', 'teacher']) {
      expect(await code(getList(db(), { actor: f.as(login), listId: list25 }))).toBe('NOT_FOUND');
      expect(await listLists(db(), { actor: f.as(login) })).toEqual([]);
      expect(await code(listComparison(db(), { actor: f.as(login), listId: list25 }))).toBe('NOT_FOUND');
    }
    expect((await listLists(db(), { actor: f.as('center') })).map((l) => l.id)).toEqual([list25]);
  });
});
