import { and, eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { roleAssignments, users } from '../src/db/schema/auth.js';
import { expertiseReviews } from '../src/db/schema/expertise.js';
import { mentorPairs } from '../src/db/schema/organisation.js';
import { schoolDocuments } from '../src/db/schema/programs.js';
import { loadActor } from '../src/modules/auth/load-actor.js';
import { onReviewSubmitted } from '../src/modules/expertise/on-review-submitted.js';
import { runMutualRound } from '../src/modules/expertise/run-mutual-round.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';
import { convertToPdf, libreOffice } from './helpers/libreoffice.js';

// Expertise through the API on the demo region: the mutual expertise the demo distributed, the reviewing
// school's team filling and submitting its review blind, the expert's review of a municipal roadmap,
// samples that repeat, the summary and its XLSX.

class RollBack extends Error {}

type Review = {
  id: string;
  version: number;
  status: string;
  mode: string;
  target: { id: string; type: string; unit: { name: string } | null; title: string };
  reviewer: { name: string | null; id: string | null };
  criteriaSet: { criteria: { code: string; scale: { score: number }[] }[] };
  maxTotal: number;
  outline: { label: string; text: string }[];
  canEdit: boolean;
  history: { by: string | null; type: string }[];
};

describe.each(DB_KINDS)('expertise API on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const c: Record<string, string> = {};
  const json = async <T>(res: Response, status = 200): Promise<T> => {
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(status);
    return JSON.parse(text) as T;
  };

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['region', 'municipality', 'school', 'school2', 'expert', 'teacher', 'curator', 'center'])
      c[l] = await t.login(l);
  }, 300_000);
  afterAll(async () => database.close());

  it('a school never gets the document of its mentor pair: the pairs of the year are forbidden', async () => {
    // The round with a fixed seed, run twice in transactions that are rolled back: once as it is, once
    // with the school that got a document paired with that document's school as its mentor.
    const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.login, 'region'));
    const actor = await loadActor(database.db, u?.id ?? '');
    if (!actor) throw new Error('no region actor');
    const o = await json<{ year: number; units: { id: string }[] }>(
      await t.call('GET', '/api/expertise/overview', { cookie: c.region }),
    );
    const reviewerOf = async (pair?: { schoolId: string; mentorSchoolId: string }) => {
      let got: { school: string; reviewer: string | null }[] = [];
      await database.db
        .transaction(async (tx) => {
          if (pair) await tx.insert(mentorPairs).values({ ...pair, year: o.year });
          const round = await runMutualRound(tx, {
            actor,
            input: { unitId: o.units[0]?.id ?? '', year: o.year, seed: 'PAIRS' },
          });
          got = await tx
            .select({ school: schoolDocuments.schoolId, reviewer: expertiseReviews.reviewerSchoolId })
            .from(expertiseReviews)
            .innerJoin(schoolDocuments, eq(schoolDocuments.id, expertiseReviews.schoolDocumentId))
            .where(eq(expertiseReviews.roundId, round.id));
          throw new RollBack();
        })
        .catch((e) => {
          if (!(e instanceof RollBack)) throw e;
        });
      return got;
    };
    const free = await reviewerOf();
    const first = free.find((a) => a.reviewer);
    if (!first?.reviewer) throw new Error('the round assigned nothing');
    const paired = await reviewerOf({ schoolId: first.school, mentorSchoolId: first.reviewer });
    expect(paired.length).toBeGreaterThan(0);
    for (const a of paired.filter((x) => x.school === first.school))
      expect(a.reviewer).not.toBe(first.reviewer);
  });

  it('the region distributes the programs the municipality left: every ШНОР program to another school, balanced, across municipalities', async () => {
    type O = {
      year: number;
      units: { id: string }[];
      documents: {
        id: string;
        status: string;
        school: { id: string };
        municipality: { id: string } | null;
        reviews: { mode: string; reviewer: { id: string | null } }[];
      }[];
      rounds: { seed: string; stats: { assigned: number; crossMunicipality: number; maxLoad: number } }[];
    };
    const before = await json<O>(await t.call('GET', '/api/expertise/overview', { cookie: c.region }));
    expect(before.rounds.map((r) => r.seed)).toEqual(['DEMO2026']);
    // Only documents on expertise are distributed (the board also shows rework and approved ones).
    const waiting = before.documents.filter(
      (d) => d.status === 'expertise' && !d.reviews.some((r) => r.mode === 'mutual'),
    );
    expect(waiting.length).toBeGreaterThan(0);
    const round = await json<{
      seed: string;
      stats: { assigned: number; unassigned: number; crossMunicipality: number };
    }>(
      await t.call('POST', '/api/expertise/mutual-rounds', {
        cookie: c.region,
        body: { unitId: before.units[0]?.id, year: before.year, seed: 'TEST1' },
      }),
    );
    expect(round.stats, JSON.stringify(round)).toMatchObject({ assigned: waiting.length });
    expect(round.stats.crossMunicipality).toBe(round.stats.assigned);
    const o = await json<O>(await t.call('GET', '/api/expertise/overview', { cookie: c.region }));
    const mun = new Map(o.documents.map((d) => [d.school.id, d.municipality?.id]));
    for (const d of o.documents.filter((x) => x.status === 'expertise')) {
      const mutual = d.reviews.filter((r) => r.mode === 'mutual');
      expect(mutual).toHaveLength(1);
      expect(mutual[0]?.reviewer.id).not.toBe(d.school.id);
      expect(mun.get(mutual[0]?.reviewer.id ?? '')).not.toBe(d.municipality?.id);
    }
    // A second distribution of the year finds nothing left: 409.
    const again = await t.call('POST', '/api/expertise/mutual-rounds', {
      cookie: c.region,
      body: { unitId: o.units[0]?.id, year: o.year },
    });
    expect(again.status).toBe(409);
  });

  it('the reviewing school fills its review blind, saves with a version, and submits; the examined school then sees it without the reviewer', async () => {
    const mine = await json<Review[]>(
      await t.call('GET', '/api/expertise/reviews?mine=true', { cookie: c.school2 }),
    );
    // The demo gave the program of `school` (Нагорное) to school2's team; the region's round may give it more.
    const [own] = await database.db
      .select({ id: schoolDocuments.id })
      .from(schoolDocuments)
      .innerJoin(roleAssignments, eq(roleAssignments.orgUnitId, schoolDocuments.schoolId))
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(users.login, 'school'), eq(schoolDocuments.status, 'expertise')));
    const mutual = mine.find((r) => r.mode === 'mutual' && r.status === 'draft' && r.target.id === own?.id);
    expect(mutual).toBeDefined();
    if (!mutual) return;
    const r = await json<Review>(
      await t.call('GET', `/api/expertise/reviews/${mutual.id}`, { cookie: c.school2 }),
    );
    expect(r.target.unit).toBeNull();
    expect(r.canEdit).toBe(true);
    expect(r.outline.some((l) => l.label === 'Цель')).toBe(true);
    // The examined school does not see a draft about it; the teacher sees no review at all.
    expect((await t.call('GET', `/api/expertise/reviews/${r.id}`, { cookie: c.school })).status).toBe(404);
    expect((await t.call('GET', `/api/expertise/reviews/${r.id}`, { cookie: c.teacher })).status).toBe(404);
    // The region sees it and may not write it.
    const put = (cookie: string | undefined, body: unknown) =>
      t.call('PUT', `/api/expertise/reviews/${r.id}`, { cookie, body });
    const scores = r.criteriaSet.criteria.map((x) => ({ code: x.code, score: 1, comment: 'Проверено' }));
    expect(
      (await put(c.region, { scores, conclusion: 'rework', recommendations: 'x', version: r.version }))
        .status,
    ).toBe(403);
    // An unknown score is refused in Russian and changes nothing.
    const bad = await put(c.school2, {
      scores: [{ code: scores[0]?.code, score: 7, comment: '' }],
      conclusion: null,
      recommendations: '',
      version: r.version,
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/допустимые баллы/);
    // Submitting before everything is scored: 400 naming the criteria.
    const early = await t.call('POST', `/api/expertise/reviews/${r.id}/submit`, {
      cookie: c.school2,
      body: { version: r.version },
    });
    expect(early.status).toBe(400);
    expect(await early.text()).toMatch(/Не выставлены баллы/);
    const saved = await json<{ version: number; total: number }>(
      await put(c.school2, {
        scores,
        conclusion: 'rework',
        recommendations: 'Добавить базовые значения показателей.',
        version: r.version,
      }),
    );
    expect(saved.total).toBe(scores.length);
    // A stale version: 409, nothing changes.
    expect(
      (await put(c.school2, { scores, conclusion: 'recommended', recommendations: '', version: r.version }))
        .status,
    ).toBe(409);
    const sub = await json<{ verdict: string }>(
      await t.call('POST', `/api/expertise/reviews/${r.id}/submit`, {
        cookie: c.school2,
        body: { version: saved.version },
      }),
    );
    expect(sub.verdict).toBe('rework');
    const again = await t.call('PUT', `/api/expertise/reviews/${r.id}`, {
      cookie: c.school2,
      body: { scores, conclusion: 'recommended', recommendations: '', version: saved.version + 1 },
    });
    expect(again.status).toBe(409);
    const seen = await json<Review>(
      await t.call('GET', `/api/expertise/reviews/${r.id}`, { cookie: c.school }),
    );
    expect(seen.status).toBe('submitted');
    expect(seen.reviewer.name).toBeNull();
    expect(seen.history.every((h) => h.by === null)).toBe(true);
    const byRegion = await json<Review>(
      await t.call('GET', `/api/expertise/reviews/${r.id}`, { cookie: c.region }),
    );
    expect(byRegion.reviewer.name).toBeTruthy();
    expect(byRegion.history.map((h) => h.type)).toContain('expertise_review.submitted');
    // The document's table is only read: its status is the programs module's to change.
    const [doc] = await database.db
      .select({ status: schoolDocuments.status })
      .from(schoolDocuments)
      .where(eq(schoolDocuments.id, r.target.id));
    expect(doc?.status).toBe('expertise');
  });

  it('the expert submits his review of the municipal roadmap; the municipality then sees it', async () => {
    const mine = await json<Review[]>(
      await t.call('GET', '/api/expertise/reviews?mine=true', { cookie: c.expert }),
    );
    const road = mine.find((r) => r.target.type === 'roadmap');
    expect(road?.status).toBe('draft');
    if (!road) return;
    expect(
      (await t.call('GET', `/api/expertise/reviews/${road.id}`, { cookie: c.municipality })).status,
    ).toBe(404);
    const r = await json<Review>(
      await t.call('GET', `/api/expertise/reviews/${road.id}`, { cookie: c.expert }),
    );
    const scores = r.criteriaSet.criteria.map((x) => ({ code: x.code, score: 2, comment: '' }));
    const saved = await json<{ version: number }>(
      await t.call('PUT', `/api/expertise/reviews/${r.id}`, {
        cookie: c.expert,
        body: { scores, conclusion: 'recommended', recommendations: '', version: r.version },
      }),
    );
    const sub = await json<{ verdict: string }>(
      await t.call('POST', `/api/expertise/reviews/${r.id}/submit`, {
        cookie: c.expert,
        body: { version: saved.version },
      }),
    );
    expect(sub.verdict).toBe('pending');
    const seen = await json<Review>(
      await t.call('GET', `/api/expertise/reviews/${r.id}`, { cookie: c.municipality }),
    );
    expect(seen.status).toBe('submitted');
  });

  it('the municipality may not name another municipality’s school', async () => {
    const o = await json<{
      year: number;
      units: { id: string }[];
      documents: {
        school: { id: string };
        reviews: { id: string; mode: string; version: number; status: string }[];
      }[];
    }>(await t.call('GET', '/api/expertise/overview', { cookie: c.region }));
    const mo = await json<{
      documents: {
        school: { id: string };
        reviews: { id: string; mode: string; version: number; status: string }[];
      }[];
      reviewerSchools: { id: string }[];
    }>(await t.call('GET', '/api/expertise/overview', { cookie: c.municipality }));
    const own = new Set(mo.reviewerSchools.map((s) => s.id));
    const foreign = o.documents.map((d) => d.school.id).find((id) => !own.has(id));
    const review = mo.documents
      .flatMap((d) => d.reviews)
      .find((r) => r.mode === 'mutual' && r.status === 'draft');
    expect(foreign && review).toBeTruthy();
    if (!foreign || !review) return;
    const moved = await t.call('PATCH', `/api/expertise/reviews/${review.id}/reviewer`, {
      cookie: c.municipality,
      body: { reviewerSchoolId: foreign, version: review.version },
    });
    expect(moved.status).toBe(400);
  });

  it('a sample repeats with its seed and the region’s summary exports to XLSX that LibreOffice opens', async () => {
    const o = await json<{ year: number; units: { id: string }[] }>(
      await t.call('GET', '/api/expertise/overview', { cookie: c.region }),
    );
    const s = await json<{ id: string; seed: string; documents: { id: string }[]; population: number }>(
      await t.call('POST', '/api/expertise/samples', {
        cookie: c.region,
        body: { unitId: o.units[0]?.id, year: o.year, share: 0.5, seed: 'REPEAT-1' },
      }),
    );
    expect(s.documents.length).toBe(Math.round(s.population * 0.5));
    const check = await json<{ same: boolean; redrawn: string[] }>(
      await t.call('GET', `/api/expertise/samples/${s.id}/check`, { cookie: c.region }),
    );
    expect(check.same).toBe(true);
    expect(check.redrawn).toEqual(s.documents.map((d) => d.id).sort());
    expect((await t.call('GET', `/api/expertise/samples/${s.id}/check`, { cookie: c.school })).status).toBe(
      404,
    );
    // An expert named for a sampled document: a review of mode «sample»; a document outside the sample: 400.
    const [expertUser] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.login, 'center'));
    const picked = s.documents[0]?.id ?? '';
    const named = await json<{ id: string }>(
      await t.call('POST', '/api/expertise/reviews', {
        cookie: c.region,
        body: { schoolDocumentId: picked, sampleId: s.id, reviewerUserId: expertUser?.id },
      }),
    );
    const [row] = await database.db
      .select({ mode: expertiseReviews.mode, sampleId: expertiseReviews.sampleId })
      .from(expertiseReviews)
      .where(eq(expertiseReviews.id, named.id));
    expect(row).toEqual({ mode: 'sample', sampleId: s.id });
    const [outside] = await database.db
      .select({ id: schoolDocuments.id })
      .from(schoolDocuments)
      .where(
        notInArray(
          schoolDocuments.id,
          s.documents.map((d) => d.id),
        ),
      )
      .limit(1);
    const refused = await t.call('POST', '/api/expertise/reviews', {
      cookie: c.region,
      body: { schoolDocumentId: outside?.id, sampleId: s.id, reviewerUserId: expertUser?.id },
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/не входит в эту выборку/);
    const sum = await json<{
      total: { documents: number; reviewsSubmitted: number; averagePercent: number | null };
      rework: { id: string }[];
      roadmaps: { reviewsSubmitted: number }[];
    }>(await t.call('GET', '/api/expertise/summary', { cookie: c.center }));
    expect(sum.total.documents).toBe(s.population);
    expect(sum.total.reviewsSubmitted).toBeGreaterThanOrEqual(2);
    expect(sum.rework.length).toBeGreaterThanOrEqual(1);
    expect(sum.roadmaps[0]?.reviewsSubmitted).toBe(1);
    expect((await t.call('GET', '/api/expertise/summary', { cookie: c.municipality })).status).toBe(403);
    const x = await t.call('GET', '/api/expertise/summary/export', { cookie: c.region });
    expect(x.status).toBe(200);
    const data = Buffer.from(await x.arrayBuffer());
    expect(data.subarray(0, 2).toString()).toBe('PK');
    if (libreOffice) expect(convertToPdf([{ name: 'summary.xlsx', data }])[0]).not.toBeNull();
  });

  it('a new version of a criteria set: reviews already assigned keep theirs, new ones take it; only the regional operator', async () => {
    const sets = await json<
      { subject: string; versionNo: number; frozen: boolean; criteria: { code: string }[] }[]
    >(await t.call('GET', '/api/expertise/criteria-sets', { cookie: c.school }));
    const antirisk = sets.find((x) => x.subject === 'antirisk_program');
    expect(antirisk).toMatchObject({ versionNo: 1, frozen: true });
    const body = {
      subject: 'antirisk_program',
      title: 'Критерии региона',
      criteria: [
        {
          code: 'Р1',
          name: 'Связь с профилем',
          description: '',
          scale: [
            { score: 0, label: 'нет' },
            { score: 3, label: 'да' },
          ],
        },
      ],
    };
    expect((await t.call('POST', '/api/expertise/criteria-sets', { cookie: c.center, body })).status).toBe(
      403,
    );
    const bad = await t.call('POST', '/api/expertise/criteria-sets', {
      cookie: c.region,
      body: { ...body, criteria: [{ ...body.criteria[0], scale: [{ score: 1, label: 'да' }] }] },
    });
    expect(bad.status).toBe(400);
    const v2 = await json<{ versionNo: number; frozen: boolean }>(
      await t.call('POST', '/api/expertise/criteria-sets', { cookie: c.region, body }),
    );
    expect(v2).toMatchObject({ versionNo: 2, frozen: false });
    const mine = await json<Review[]>(
      await t.call('GET', '/api/expertise/reviews?mine=true', { cookie: c.expert }),
    );
    const old = mine.find((r) => r.target.type === 'school_document' && r.status === 'draft');
    expect(old).toBeDefined();
    const oldDetail = await json<Review>(
      await t.call('GET', `/api/expertise/reviews/${old?.id}`, { cookie: c.expert }),
    );
    expect(oldDetail.criteriaSet.criteria.length).toBe(8);
    const o = await json<{
      documents: { id: string; reviews: { reviewer: { id: string | null } }[] }[];
      experts: { id: string; isExpert: boolean }[];
    }>(await t.call('GET', '/api/expertise/overview', { cookie: c.region }));
    const expertId = o.experts.find((e) => e.isExpert)?.id;
    const free = o.documents.find((d) => !d.reviews.some((r) => r.reviewer.id === expertId));
    const fresh = await json<{ id: string }>(
      await t.call('POST', '/api/expertise/reviews', {
        cookie: c.region,
        body: { schoolDocumentId: free?.id, reviewerUserId: expertId },
      }),
    );
    const freshDetail = await json<Review>(
      await t.call('GET', `/api/expertise/reviews/${fresh.id}`, { cookie: c.expert }),
    );
    expect(freshDetail.criteriaSet.criteria.map((x) => x.code)).toEqual(['Р1']);
    expect(freshDetail.maxTotal).toBe(3);
  });

  it('onReviewSubmitted says «all recommend» only when every review of the document recommends', async () => {
    const rows = await database.db
      .select()
      .from(expertiseReviews)
      .where(eq(expertiseReviews.status, 'submitted'));
    const expertOne = rows.find((r) => r.mode === 'expert' && r.schoolDocumentId);
    expect(expertOne).toBeDefined();
    if (!expertOne) return;
    // The demo's Нагорное program: the expert recommends, the school's mutual review above said rework.
    expect((await onReviewSubmitted(database.db, expertOne)).verdict).toBe('pending');
    expect((await onReviewSubmitted(database.db, { ...expertOne, conclusion: 'rework' })).verdict).toBe(
      'rework',
    );
    expect((await onReviewSubmitted(database.db, { ...expertOne, schoolDocumentId: null })).verdict).toBe(
      'pending',
    );
    // Once the mutual review is (in this transaction) a recommendation too, the region may approve.
    const verdict = await database.db
      .transaction(async (tx) => {
        await tx
          .update(expertiseReviews)
          .set({ conclusion: 'recommended', status: 'submitted' })
          .where(eq(expertiseReviews.schoolDocumentId, expertOne.schoolDocumentId ?? ''));
        const v = await onReviewSubmitted(tx, expertOne);
        throw new RollBack(v.verdict);
      })
      .catch((e: unknown) => (e instanceof RollBack ? e.message : 'error'));
    expect(verdict).toBe('all_recommend');
    const [expertUser] = await database.db
      .select({ id: users.id })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(and(eq(users.login, 'expert')));
    expect(expertOne.reviewerUserId).toBe(expertUser?.id);
  });
  it('a blind reviewer reads the document only while it is on expertise, without the school’s basis and people', async () => {
    const mine = await json<Review[]>(
      await t.call('GET', '/api/expertise/reviews?mine=true', { cookie: c.school2 }),
    );
    const mutual = mine.find((r) => r.mode === 'mutual');
    expect(mutual).toBeDefined();
    const read = async () =>
      json<Review>(await t.call('GET', `/api/expertise/reviews/${mutual?.id}`, { cookie: c.school2 }));
    const before = await read();
    expect(before.outline.length).toBeGreaterThan(0);
    expect(before.outline.some((l) => /Обоснование|Ответственные|Партн/.test(l.label))).toBe(false);
    const [doc] = await database.db
      .select({ id: schoolDocuments.id, version: schoolDocuments.version })
      .from(schoolDocuments)
      .where(eq(schoolDocuments.id, before.target.id));
    const back = await t.call('POST', `/api/school-documents/${doc?.id}/rework`, {
      cookie: c.region,
      body: { version: doc?.version, comment: 'Доработать показатели' },
    });
    expect(back.status).toBe(200);
    // The school's new draft is its own: the reviewer sees the review, not the text.
    expect((await read()).outline).toEqual([]);
  });
});
