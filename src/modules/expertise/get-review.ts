import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { expertiseCriteriaSets, expertiseReviews } from '../../db/schema/expertise.js';
import type { Actor } from '../access/actor.js';
import { criteriaOf } from './criteria-sets.js';
import { loadReviewAccess, reviewVisible, targetUnit, teamSchools } from './review-access.js';
import { documentContent, outlineOf, summariesOf } from './review-views.js';
import { readScores } from './scores.js';
import { CONCLUSION_LABELS } from './strings.js';
import type { reviewsQuery } from './values.js';
import type { reviewDetailView } from './views.js';

export type ReviewDetail = z.infer<typeof reviewDetailView>;

const HISTORY_NOTES: Record<string, string> = {
  'expertise_review.assigned': 'Эксперт назначен',
  'expertise_review.reassigned': 'Эксперт заменён',
  'expertise_review.saved': 'Заключение сохранено',
  'expertise_review.submitted': 'Заключение отправлено',
};

export async function getReview(db: Db, opts: { actor: Actor; reviewId: string }): Promise<ReviewDetail> {
  const a = await loadReviewAccess(db, opts.actor, opts.reviewId);
  const r = a.review;
  const [summary] = await summariesOf(db, opts.actor, [{ r, path: a.targetPath }]);
  if (!summary) throw new Error('review summary missing');
  const [set] = await db
    .select()
    .from(expertiseCriteriaSets)
    .where(eq(expertiseCriteriaSets.id, r.criteriaSetId));
  if (!set) throw new Error('criteria set of a review is missing');
  const criteria = criteriaOf(set);
  const scores = readScores(r.scores);
  const events = await db
    .select({
      at: auditEvents.at,
      type: auditEvents.type,
      by: auditEvents.actorName,
      payload: auditEvents.payload,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'expertise_review'), eq(auditEvents.entityId, r.id)))
    .orderBy(asc(auditEvents.id));
  // Names of the people in the history only to who sees both sides: the blind expertise stays blind.
  const full = a.regionLevel || (summary.target.unit !== null && summary.reviewer.name !== null);
  return {
    ...summary,
    criteriaSet: { id: set.id, title: set.title, versionNo: set.versionNo, criteria },
    scores: criteria.map((c) => ({
      code: c.code,
      score: scores[c.code]?.score ?? null,
      comment: scores[c.code]?.comment ?? '',
    })),
    recommendations: r.recommendations,
    outline: r.schoolDocumentId ? outlineOf(await documentContent(db, r.schoolDocumentId, !full)) : [],
    canEdit: a.isReviewer && r.status === 'draft',
    canReassign: a.canOrganize && r.status === 'draft',
    history: events.map((e) => {
      const p = (e.payload ?? {}) as { total?: number; maxTotal?: number; conclusion?: string };
      const note =
        e.type === 'expertise_review.submitted' && p.conclusion
          ? `${CONCLUSION_LABELS[p.conclusion as 'recommended'] ?? p.conclusion}, ${p.total} из ${p.maxTotal}`
          : (HISTORY_NOTES[e.type] ?? null);
      return { at: e.at.toISOString(), type: e.type, by: full ? e.by : null, note };
    }),
  };
}

/** Reviews the actor sees: his own to fill (`mine`), or those of a document or roadmap. */
export async function listReviews(db: Db, opts: { actor: Actor; filter: z.output<typeof reviewsQuery> }) {
  const conds: SQL[] = [reviewVisible(opts.actor)];
  const f = opts.filter;
  if (f.mine) {
    const teams = teamSchools(opts.actor);
    conds.push(
      or(
        eq(expertiseReviews.reviewerUserId, opts.actor.userId),
        ...(teams.length ? [inArray(expertiseReviews.reviewerSchoolId, teams)] : []),
      ) as SQL,
    );
  }
  if (f.schoolDocumentId) conds.push(eq(expertiseReviews.schoolDocumentId, f.schoolDocumentId));
  if (f.roadmapId) conds.push(eq(expertiseReviews.roadmapId, f.roadmapId));
  const rows = await db
    .select({ r: expertiseReviews, path: targetUnit.path })
    .from(expertiseReviews)
    .innerJoin(targetUnit, eq(targetUnit.id, expertiseReviews.targetUnitId))
    .where(and(...conds))
    .orderBy(asc(expertiseReviews.status), desc(expertiseReviews.updatedAt))
    .limit(500);
  return summariesOf(db, opts.actor, rows);
}
