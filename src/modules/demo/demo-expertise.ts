import { and, eq, sql } from 'drizzle-orm';
import { expertiseReviews } from '../../db/schema/expertise.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import { DEMO_LOADER } from '../access/actor.js';
import { regionPath } from '../access/region-level.js';
import { assignReviewer } from '../expertise/assign-reviewer.js';
import { criteriaOf, ensureDefaultCriteriaSets } from '../expertise/criteria-sets.js';
import { subjectOfDocumentKind } from '../expertise/default-criteria.js';
import { reassignReview } from '../expertise/reassign-review.js';
import { runMutualRound } from '../expertise/run-mutual-round.js';
import { createSample } from '../expertise/samples.js';
import { saveReview, submitReview } from '../expertise/save-review.js';
import { documentTitle } from '../programs/strings.js';
import { fillYear } from '../programs/templates/build.js';
import { systemTemplate } from '../programs/templates/index.js';
import { DEFAULT_RISK_FACTORS, type RiskFactorDef } from '../risk-profiles/default-factors.js';
import type { DemoRun } from './demo-run.js';

// The demo's expertise: the region's default criteria sets; the antirisk programs of the region's ШНОР on
// expertise (from the system templates, for every ШНОР the programs module's demo left without one);
// mutual expertise of the first municipality's programs distributed by its coordinator with a fixed seed,
// one assignment adjusted by hand by the region (the program of «СОШ № 5 с. Нагорное» goes to the team of
// `school2`); the other municipalities' programs wait for the region's distribution; the expert's submitted review of that
// program and a draft of another; the municipal roadmap of the first municipality under the expert's
// expertise (a draft, for the expert to finish); a 30 % sample with its seed.

export const DEMO_MUTUAL_SEED = 'DEMO2026';
export const DEMO_SAMPLE_SEED = 'DEMOSAMPLE';

export type DemoExpertise = { documents: number; mutual: number; reviews: number };

export async function loadDemoExpertise(run: DemoRun): Promise<DemoExpertise> {
  const { db, orgs, picks, users } = run;
  const region = users.main.region;
  const expert = users.main.expert;
  await ensureDefaultCriteriaSets(db, DEMO_LOADER, orgs.regionId);

  // Every ШНОР without its own антирисковая программа of the year gets one from the system template,
  // already on expertise (the programs demo takes Нагорное and school2 through the workflow by hand).
  const have = new Set(
    (
      await db
        .select({ schoolId: schoolDocuments.schoolId })
        .from(schoolDocuments)
        .where(and(eq(schoolDocuments.year, run.year), eq(schoolDocuments.kind, 'antirisk_program')))
    ).map((d) => d.schoolId),
  );
  const missing = picks.shnor.filter((s) => !have.has(s.id));
  if (missing.length > 0) {
    await db.insert(schoolDocuments).values(
      missing.map((s, i) => {
        const factor =
          DEFAULT_RISK_FACTORS[[8, 2, 9, 7, 3][i % 5] as number] ??
          (DEFAULT_RISK_FACTORS[0] as RiskFactorDef);
        const content = systemTemplate('antirisk_program', factor.code);
        return {
          schoolId: s.id,
          year: run.year,
          kind: 'antirisk_program' as const,
          factorCode: factor.code,
          title: `${documentTitle('antirisk_program', factor.name)} (демо)`,
          status: 'expertise' as const,
          content: content ? fillYear(content, run.year) : {},
          createdBy: (users.schoolTeams.get(s.id) ?? region).userId,
        };
      }),
    );
  }

  // The first municipality has distributed its programs; the region's own distribution of the rest is left
  // for the regional operator to run (the demo story and its browser test do).
  // The programs module's demo may have put its documents elsewhere in the workflow: distribute only
  // what is on expertise, and skip the step rather than fail the whole demo when nothing is.
  const [onExpertise] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(schoolDocuments)
    .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
    .where(
      and(
        eq(schoolDocuments.year, run.year),
        eq(schoolDocuments.status, 'expertise'),
        sql`${orgUnits.path} like ${`${regionPath(orgs.regionId)}${picks.m1.id}/%`}`,
      ),
    );
  const round = onExpertise?.n
    ? await runMutualRound(db, {
        actor: users.main.municipality,
        input: { unitId: picks.m1.id, year: run.year, seed: DEMO_MUTUAL_SEED },
      })
    : null;
  const docOf = async (schoolId: string) => {
    const [d] = await db
      .select({ id: schoolDocuments.id, kind: schoolDocuments.kind })
      .from(schoolDocuments)
      .where(
        and(
          eq(schoolDocuments.schoolId, schoolId),
          eq(schoolDocuments.year, run.year),
          eq(schoolDocuments.status, 'expertise'),
        ),
      )
      .limit(1);
    return d;
  };
  const criteriaFor = async (kind: string) => {
    const sets = await ensureDefaultCriteriaSets(db, DEMO_LOADER, orgs.regionId);
    const set = sets.find((x) => x.subject === subjectOfDocumentKind(kind));
    if (!set) throw new Error(`no demo criteria for ${kind}`);
    return criteriaOf(set);
  };
  const s1Doc = await docOf(picks.s1.id);
  const s1bDoc = picks.curated[1] ? await docOf(picks.curated[1].id) : undefined;
  if (s1Doc) {
    const [m] = await db
      .select({
        id: expertiseReviews.id,
        version: expertiseReviews.version,
        school: expertiseReviews.reviewerSchoolId,
      })
      .from(expertiseReviews)
      .where(and(eq(expertiseReviews.schoolDocumentId, s1Doc.id), eq(expertiseReviews.mode, 'mutual')));
    if (m && m.school !== picks.s2.id)
      await reassignReview(db, {
        actor: region,
        reviewId: m.id,
        input: { reviewerSchoolId: picks.s2.id, version: m.version },
      });

    const done = await assignReviewer(db, {
      actor: region,
      input: { schoolDocumentId: s1Doc.id, reviewerUserId: expert.userId },
    });
    const criteria = await criteriaFor(s1Doc.kind);
    const saved = await saveReview(db, {
      actor: expert,
      reviewId: done.id,
      input: {
        scores: criteria.map((c, i) => ({
          code: c.code,
          score: i % 3 === 2 ? 1 : 2,
          comment: i % 3 === 2 ? 'Уточнить способы измерения и сроки контрольных точек.' : '',
        })),
        conclusion: 'recommended',
        recommendations:
          'Программа согласована с рисковым профилем школы. Уточнить способы измерения показателей и включить мероприятия программы в дорожную карту школы.',
        version: done.version,
      },
    });
    await submitReview(db, { actor: expert, reviewId: done.id, input: { version: saved.version } });
  }
  if (s1bDoc) {
    const draft = await assignReviewer(db, {
      actor: region,
      input: { schoolDocumentId: s1bDoc.id, reviewerUserId: expert.userId },
    });
    const criteria = await criteriaFor(s1bDoc.kind);
    await saveReview(db, {
      actor: expert,
      reviewId: draft.id,
      input: {
        scores: criteria
          .slice(0, 3)
          .map((c) => ({ code: c.code, score: 1, comment: 'Показатели без базовых значений.' })),
        conclusion: null,
        recommendations: '',
        version: draft.version,
      },
    });
  }
  const [mRoadmap] = await db
    .select({ id: roadmaps.id })
    .from(roadmaps)
    .where(and(eq(roadmaps.orgUnitId, picks.m1.id), eq(roadmaps.status, 'approved')))
    .limit(1);
  if (mRoadmap)
    await assignReviewer(db, {
      actor: region,
      input: { roadmapId: mRoadmap.id, reviewerUserId: expert.userId },
    });
  // Nothing past the curator's agreement (another module's demo documents still in drafts): no sample.
  if (onExpertise?.n)
    await createSample(db, {
      actor: region,
      input: { unitId: orgs.regionId, year: run.year, share: 0.3, seed: DEMO_SAMPLE_SEED },
    });
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(expertiseReviews);
  return {
    documents: missing.length,
    mutual: round?.stats.assigned ?? 0,
    reviews: n?.n ?? 0,
  };
}
