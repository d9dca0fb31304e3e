import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { expertiseReviews, type ReviewConclusion } from '../../db/schema/expertise.js';
import type { ReviewRow } from './review-access.js';

/**
 * Contract with the programs module (which owns the transitions of `school_documents`), called inside the
 * transaction that submits a review, after the review row is saved as submitted:
 *  - `rework`: a review concluded «на доработку» — the document is to go to rework;
 *  - `all_recommend`: every review assigned to the document is submitted and recommends approval — the
 *    region may approve the document now;
 *  - `pending`: other reviews are still being written, or the target is a municipal roadmap (no document
 *    workflow follows from its expertise).
 * It reads and returns; it changes nothing, here or in `school_documents`: the document's next step (back to
 * rework, or approval by order) stays the decision of the region or the municipality, who see every
 * conclusion on the expertise board — one school's mutual review must not send another school's program
 * back by itself.
 */
export type SubmittedVerdict = {
  verdict: 'rework' | 'all_recommend' | 'pending';
  schoolDocumentId: string | null;
};

export async function onReviewSubmitted(tx: Db, review: ReviewRow): Promise<SubmittedVerdict> {
  const docId = review.schoolDocumentId;
  if (!docId) return { verdict: 'pending', schoolDocumentId: null };
  if (review.conclusion === 'rework') return { verdict: 'rework', schoolDocumentId: docId };
  const all = await tx
    .select({ status: expertiseReviews.status, conclusion: expertiseReviews.conclusion })
    .from(expertiseReviews)
    .where(and(eq(expertiseReviews.schoolDocumentId, docId)));
  const done = all.every(
    (r) => r.status === 'submitted' && r.conclusion === ('recommended' satisfies ReviewConclusion),
  );
  return { verdict: done ? 'all_recommend' : 'pending', schoolDocumentId: docId };
}
