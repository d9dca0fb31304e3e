import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { runWithLists } from '../../../tests/helpers/practices-fixture.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { loadActor } from '../auth/load-actor.js';
import { addAssignment, createUser } from '../auth/users.js';
import { databaseStorage } from '../files/storage.js';
import { currentSchoolYear } from '../organisation/school-year.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { createPractice, updatePractice } from './create-practice.js';
import { getPractice } from './get-practice.js';
import { listPractices } from './list-practices.js';
import { attachPracticeFile, readPracticeFile } from './practice-files.js';
import { publishPractice, reviewPractice, submitPractice, withdrawPractice } from './practice-path.js';
import { publishedPractice, publishedPracticeFile, publishedPractices } from './public-practices.js';
import { resilientAuthors, resilientHintFor } from './resilient.js';
import { similarSchools } from './similar-schools.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const Y = currentSchoolYear();
const ALL = (['relevance', 'effectiveness', 'reproducibility', 'materials'] as const).map((key) => ({
  key,
  score: 4,
}));

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

const fields = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  year: Y - 1,
  problem: 'Высокая доля отметок «2» по ВПР',
  actions: 'Наставничество и диагностика',
  results: 'Доля «2» снизилась',
  figures: [{ label: 'доля «2» по ВПР, математика 5 кл.', before: 31, after: 12, unit: '%' }],
  riskFactors: [] as string[],
  subjects: ['Математика' as const],
  levels: ['basic' as const],
  contact: 'Методический кабинет школы, +7 000 000-00-00',
  ...extra,
});

describe.each(DB_KINDS)('bank of practices on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let S4: string;
  let S5: string;
  let school4: Actor;
  let school5: Actor;

  const teamOf = async (login: string, unitId: string) => {
    const db = database.db;
    const u = await createUser(db, {
      actor: TEST_SYSTEM,
      input: { login, fullName: login, password: 'password-123' },
    });
    await addAssignment(db, {
      actor: TEST_SYSTEM,
      userId: u.id,
      input: { role: 'school_team', orgUnitId: unitId },
    });
    const a = await loadActor(db, u.id);
    if (!a) throw new Error('no actor');
    return a;
  };
  /** A practice of the team's school taken through the whole path to the bank. */
  const published = async (team: Actor, unitId: string, reviewer: Actor, title: string, extra = {}) => {
    const db = database.db;
    const d = await createPractice(db, {
      actor: team,
      input: { authorUnitId: unitId, ...fields(title, extra) },
    });
    const s = await submitPractice(db, { actor: team, practiceId: d.id, version: d.version });
    const r = await reviewPractice(db, {
      actor: reviewer,
      practiceId: d.id,
      input: { version: s.version, decision: 'approve', comment: '', criteria: ALL },
    });
    return publishPractice(db, { actor: reviewer, practiceId: d.id, version: r.version });
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    const unit = async (parentId: string, name: string) =>
      (
        await createOrgUnit(database.db, {
          actor: TEST_SYSTEM,
          audit: false,
          input: { parentId, kind: 'school', name },
        })
      ).id;
    S4 = await unit(f.M1.id, 'Школа 4');
    S5 = await unit(f.M2.id, 'Школа 5');
    school4 = await teamOf('school4', S4);
    school5 = await teamOf('school5', S5);
  });
  afterAll(() => database.close());

  it('takes a school practice from draft to the bank, with access and versions checked at every step', async () => {
    const db = database.db;
    const school1 = f.as('school1');
    const d = await createPractice(db, {
      actor: school1,
      input: { authorUnitId: f.S1.id, ...fields('Наставничество') },
    });
    expect(d.status).toBe('draft');
    // A draft: only its author's team; another school and the municipality get 404.
    expect(await code(getPractice(db, { actor: f.as('school2'), practiceId: d.id }))).toBe('NOT_FOUND');
    expect(await code(getPractice(db, { actor: f.as('mun1'), practiceId: d.id }))).toBe('NOT_FOUND');
    // A school writes only its own practices: another school does not see S1, its curator may not write.
    const foreign = (actor: Actor) =>
      code(createPractice(db, { actor, input: { authorUnitId: f.S1.id, ...fields('Чужая') } }));
    expect(await foreign(f.as('school2'))).toBe('NOT_FOUND');
    expect(await foreign(f.as('curator'))).toBe('FORBIDDEN');
    const s = await submitPractice(db, { actor: school1, practiceId: d.id, version: d.version });
    expect(s.status).toBe('submitted');
    const review = (
      actor: Actor,
      decision: 'approve' | 'return' | 'reject',
      comment: string,
      version: number,
    ) =>
      reviewPractice(db, { actor, practiceId: d.id, input: { version, decision, comment, criteria: ALL } });
    // A school cannot review; a foreign municipality does not see it; its own municipality does.
    expect(await code(review(school1, 'approve', '', s.version))).toBe('FORBIDDEN');
    expect(await code(review(f.as('mun2'), 'approve', '', s.version))).toBe('NOT_FOUND');
    expect(await code(review(f.as('mun1'), 'return', '  ', s.version))).toBe('INVALID_INPUT');
    expect(await code(review(f.as('mun1'), 'return', 'Добавьте цифры', s.version + 5))).toBe('CONFLICT');
    const returned = await review(f.as('mun1'), 'return', 'Добавьте цифры', s.version);
    expect(returned.status).toBe('returned');
    expect(returned.reviews[0]?.comment).toBe('Добавьте цифры');
    // Returned → edited (a stale version is 409 and changes nothing) → resubmitted.
    expect(
      await code(
        updatePractice(db, { actor: school1, practiceId: d.id, input: { version: s.version, title: 'X' } }),
      ),
    ).toBe('CONFLICT');
    const edited = await updatePractice(db, {
      actor: school1,
      practiceId: d.id,
      input: { version: returned.version, title: 'Наставничество «учитель–учитель»' },
    });
    const withFile = await attachPracticeFile(db, databaseStorage(db), {
      actor: school1,
      practiceId: d.id,
      version: edited.version,
      upload: { name: 'программа.pdf', data: PDF },
      maxBytes: 1 << 20,
    });
    const again = await submitPractice(db, { actor: school1, practiceId: d.id, version: withFile.version });
    const approved = await review(f.as('mun1'), 'approve', '', again.version);
    expect(approved.status).toBe('approved');
    expect(approved.reviews[1]?.score).toBe(16);
    expect(
      await code(publishPractice(db, { actor: school1, practiceId: d.id, version: approved.version })),
    ).toBe('FORBIDDEN');
    const pub = await publishPractice(db, {
      actor: f.as('mun1'),
      practiceId: d.id,
      version: approved.version,
    });
    expect(pub.status).toBe('published');
    expect(pub.publishedAt).not.toBeNull();
    // Published: a school of another municipality of the region reads it and its material.
    const school3 = f.as('school3');
    expect((await listPractices(db, { actor: school3 })).map((p) => p.id)).toContain(d.id);
    const file = await readPracticeFile(db, databaseStorage(db), {
      actor: school3,
      practiceId: d.id,
      practiceFileId: pub.materials[0]?.id ?? '',
    });
    expect(file.file.name).toBe('программа.pdf');
    // The public side shows it under the region, with the material's public path.
    const pubView = await publishedPractice(db, d.id);
    expect(pubView?.materials[0]?.href).toBe(`/public/practices/${d.id}/files/${pub.materials[0]?.id}`);
    expect(await publishedPracticeFile(db, d.id, pub.materials[0]?.id ?? '')).not.toBeNull();
    // Withdrawn with a reason: gone from the bank of other schools and from the public side.
    expect(
      await code(
        withdrawPractice(db, {
          actor: school3,
          practiceId: d.id,
          input: { version: pub.version, reason: 'x' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const w = await withdrawPractice(db, {
      actor: f.as('region'),
      practiceId: d.id,
      input: { version: pub.version, reason: 'Устарели данные' },
    });
    expect(w.withdrawReason).toBe('Устарели данные');
    expect((await listPractices(db, { actor: school3 })).map((p) => p.id)).not.toContain(d.id);
    expect(await publishedPractice(db, d.id)).toBeNull();
    expect(await publishedPracticeFile(db, d.id, pub.materials[0]?.id ?? '')).toBeNull();
    const types = (
      await db
        .select({ type: auditEvents.type })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'practice'), eq(auditEvents.entityId, d.id)))
    ).map((e) => e.type);
    for (const t of [
      'created',
      'updated',
      'submitted',
      'reviewed',
      'published',
      'withdrawn',
      'file_attached',
    ])
      expect(types).toContain(`practice.${t}`);
  });

  it('has a municipality practice reviewed by the region, never by the municipality itself', async () => {
    const db = database.db;
    const mun1 = f.as('mun1');
    const d = await createPractice(db, {
      actor: mun1,
      input: { authorUnitId: f.M1.id, ...fields('Муниципальная сеть') },
    });
    const s = await submitPractice(db, { actor: mun1, practiceId: d.id, version: d.version });
    const input = { version: s.version, decision: 'approve' as const, comment: '', criteria: ALL };
    expect(await code(reviewPractice(db, { actor: mun1, practiceId: d.id, input }))).toBe('FORBIDDEN');
    expect(await code(reviewPractice(db, { actor: f.as('school1'), practiceId: d.id, input }))).toBe(
      'NOT_FOUND',
    );
    const r = await reviewPractice(db, { actor: f.as('region'), practiceId: d.id, input });
    expect(r.status).toBe('approved');
  });

  it('filters the bank by risk factor, subject, level, municipality, year and text', async () => {
    const db = database.db;
    const a = await published(school4, S4, f.as('mun1'), 'Читательская грамотность', {
      riskFactors: ['9'],
      subjects: ['Русский язык'],
      levels: ['primary'],
      year: Y - 2,
      actions: 'Клуб ЧИТАТЕЛЕЙ по субботам',
    });
    const b = await published(school5, S5, f.as('mun2'), 'Математические бои', { year: Y - 1 });
    const ids = async (query: Record<string, string | number>) =>
      (await listPractices(db, { actor: f.as('school2'), query })).map((p) => p.id);
    expect(await ids({ riskFactor: '9' })).toEqual([a.id]);
    expect(await ids({ subject: 'Русский язык' })).toEqual([a.id]);
    expect(await ids({ level: 'primary' })).toEqual([a.id]);
    expect(await ids({ municipalityId: f.M2.id })).toEqual([b.id]);
    expect(await ids({ year: Y - 2 })).toEqual([a.id]);
    expect(await ids({ q: 'клуб читателей' })).toEqual([a.id]);
    expect(await ids({ q: 'МАТЕМАТИЧЕСКИЕ' })).toEqual([b.id]);
    expect(
      (await publishedPractices(db, { unitPath: `/${f.R.id}/${f.M2.id}/`, q: 'бои' })).map((p) => p.id),
    ).toEqual([b.id]);
  });

  it('suggests practices of improved schools of the same cluster, and resilient schools as authors', async () => {
    const db = database.db;
    // Last year: S1, S4 (cluster 1) and S2 (cluster 2) are ШНОР; this year S4 and S2 left it, S5 is resilient.
    await runWithLists(
      db,
      f.R.id,
      Y - 1,
      [
        { schoolId: f.S1.id, cluster: 1, shnor: true },
        { schoolId: S4, cluster: 1, shnor: true },
        { schoolId: f.S2.id, cluster: 2, shnor: true },
      ],
      ['shnor'],
    );
    await runWithLists(
      db,
      f.R.id,
      Y,
      [
        { schoolId: f.S1.id, cluster: 1, shnor: true },
        { schoolId: S4, cluster: 1 },
        { schoolId: S5, cluster: 1, resilient: true },
        { schoolId: f.S2.id, cluster: 2 },
        { schoolId: f.S3.id, cluster: 1 },
      ],
      ['shnor', 'resilient'],
    );
    await published(f.as('school2'), f.S2.id, f.as('mun1'), 'Практика другой группы');
    await published(f.as('school3'), f.S3.id, f.as('mun2'), 'Практика без улучшения');
    const similar = await similarSchools(db, { actor: f.as('school1'), schoolId: f.S1.id });
    expect(similar.cluster).toBe(1);
    expect(similar.suggestions.map((s) => s.schoolName)).toEqual(['Школа 4', 'Школа 5']);
    expect(similar.suggestions[0]?.why).toBe(
      `та же группа по социальному контексту, вышла из списка ШНОР в ${Y} г.`,
    );
    expect(similar.suggestions[1]?.why).toContain('в списке резильентных школ');
    // A school does not see another school's page of similar schools.
    expect(await code(similarSchools(db, { actor: f.as('school2'), schoolId: f.S1.id }))).toBe('NOT_FOUND');
    const mun2 = (await resilientAuthors(db, { actor: f.as('mun2') })).map((r) => [
      r.schoolName,
      r.published,
    ]);
    expect(mun2).toEqual([['Школа 5', 1]]);
    expect(await resilientAuthors(db, { actor: f.as('mun1') })).toEqual([]);
    expect(await code(resilientAuthors(db, { actor: f.as('school1') }))).toBe('FORBIDDEN');
    expect(await resilientHintFor(db, school5)).toBe(true);
    expect(await resilientHintFor(db, f.as('school1'))).toBe(false);
  });
});
