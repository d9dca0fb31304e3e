import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { expertiseCriteriaSets, expertiseReviews } from '../../db/schema/expertise.js';
import { AppError, conflict, forbidden, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { criteriaOf } from './criteria-sets.js';
import { onReviewSubmitted, type SubmittedVerdict } from './on-review-submitted.js';
import { loadReviewAccess, type ReviewAccess } from './review-access.js';
import { checkScores, readScores, totalOf, unscored } from './scores.js';
import { MSG } from './strings.js';
import { saveReviewInput, submitReviewInput } from './values.js';

// The reviewer fills his review (draft, any number of saves) and submits it; a submitted review never
// changes. Both check `version`: two members of a school team editing one review do not overwrite each other.

async function writable(tx: Db, actor: Actor, reviewId: string): Promise<ReviewAccess> {
  const a = await loadReviewAccess(tx, actor, reviewId);
  if (!a.isReviewer) throw forbidden(MSG.notReviewer);
  if (a.review.status !== 'draft') throw new AppError('CONFLICT', MSG.submitted);
  return a;
}

async function criteriaOfReview(tx: Db, setId: string) {
  const [set] = await tx.select().from(expertiseCriteriaSets).where(eq(expertiseCriteriaSets.id, setId));
  if (!set) throw new Error('criteria set of a review is missing');
  return criteriaOf(set);
}

export async function saveReview(
  db: Db,
  opts: { actor: Actor; reviewId: string; input: z.input<typeof saveReviewInput> },
) {
  const input = parseInput(saveReviewInput, opts.input);
  return db.transaction(async (tx) => {
    const { review } = await writable(tx, opts.actor, opts.reviewId);
    const criteria = await criteriaOfReview(tx, review.criteriaSetId);
    const scores = { ...readScores(review.scores), ...checkScores(criteria, input.scores) };
    const total = totalOf(scores);
    const [row] = await tx
      .update(expertiseReviews)
      .set({
        scores,
        total,
        conclusion: input.conclusion,
        recommendations: input.recommendations.trim(),
        version: sql`${expertiseReviews.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(expertiseReviews.id, review.id), eq(expertiseReviews.version, input.version)))
      .returning({ version: expertiseReviews.version });
    if (!row) throw conflict();
    await recordEvent(
      tx,
      opts.actor,
      'expertise_review.saved',
      { entityType: 'expertise_review', entityId: review.id, orgUnitId: review.targetUnitId },
      { total, conclusion: input.conclusion },
    );
    return { id: review.id, version: row.version, total };
  });
}

export async function submitReview(
  db: Db,
  opts: { actor: Actor; reviewId: string; input: z.input<typeof submitReviewInput> },
): Promise<{ id: string; version: number; verdict: SubmittedVerdict['verdict'] }> {
  const input = parseInput(submitReviewInput, opts.input);
  return db.transaction(async (tx) => {
    const { review } = await writable(tx, opts.actor, opts.reviewId);
    if (review.version !== input.version) throw conflict();
    const criteria = await criteriaOfReview(tx, review.criteriaSetId);
    const scores = readScores(review.scores);
    const missing = unscored(criteria, scores);
    if (missing.length)
      throw invalid(MSG.missingScores(missing), [{ field: 'scores', message: MSG.missingScores(missing) }]);
    if (!review.conclusion)
      throw invalid(MSG.noConclusion, [{ field: 'conclusion', message: MSG.noConclusion }]);
    if (review.conclusion === 'rework' && !review.recommendations.trim())
      throw invalid(MSG.reworkNeedsRecommendations, [
        { field: 'recommendations', message: MSG.reworkNeedsRecommendations },
      ]);
    const total = totalOf(scores) ?? 0;
    const [row] = await tx
      .update(expertiseReviews)
      .set({
        status: 'submitted',
        total,
        submittedAt: new Date(),
        submittedBy: opts.actor.userId,
        version: sql`${expertiseReviews.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(expertiseReviews.id, review.id), eq(expertiseReviews.version, input.version)))
      .returning();
    if (!row) throw conflict();
    await recordEvent(
      tx,
      opts.actor,
      'expertise_review.submitted',
      { entityType: 'expertise_review', entityId: review.id, orgUnitId: review.targetUnitId },
      { total, maxTotal: review.maxTotal, conclusion: review.conclusion },
    );
    const verdict = await onReviewSubmitted(tx, row);
    return { id: row.id, version: row.version, verdict: verdict.verdict };
  });
}
