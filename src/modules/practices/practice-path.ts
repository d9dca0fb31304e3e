import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { practiceReviews, practices } from '../../db/schema/practices.js';
import type { PracticeStatus } from '../../db/schema/values.js';
import { conflict, forbidden, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { getPractice } from './get-practice.js';
import { type ReviewInput, reviewInput, versionInput, withdrawInput } from './input.js';
import { canAuthor, canReview, type LoadedPractice, loadPractice } from './practice-access.js';
import { PRACTICE_CRITERIA, PRACTICE_MSG } from './strings.js';

// The path of a practice: draft → submitted (the author's team) → reviewed by the school's municipality
// or the region (approve / return / reject with a comment) → an approved one published to the bank by
// the reviewer → withdrawn with a reason. Returned → edited → resubmitted. Every step checks the record's
// version (409 on a stale one) and writes its history event in the same transaction.

/** Moves the practice to `to` if its version is still `version`; 409 otherwise. */
async function move(
  tx: Db,
  p: LoadedPractice['practice'],
  version: number,
  to: PracticeStatus,
  extra: Record<string, Date | SQL> = {},
) {
  const [row] = await tx
    .update(practices)
    .set({ status: to, version: sql`${practices.version} + 1`, updatedAt: new Date(), ...extra })
    .where(and(eq(practices.id, p.id), eq(practices.version, version)))
    .returning({ id: practices.id });
  if (!row) throw conflict();
}

const target = (p: LoadedPractice['practice']) => ({
  entityType: 'practice' as const,
  entityId: p.id,
  orgUnitId: p.authorUnitId,
});

export async function submitPractice(db: Db, opts: { actor: Actor; practiceId: string; version: number }) {
  const { actor } = opts;
  const { version } = parseInput(versionInput, { version: opts.version });
  const { practice: p, authorPath } = await loadPractice(db, actor, opts.practiceId);
  if (!canAuthor(actor, authorPath)) throw forbidden(PRACTICE_MSG.editForbidden);
  if (p.status !== 'draft' && p.status !== 'returned') throw invalid(PRACTICE_MSG.submitState);
  if (p.version !== version) throw conflict({ version: p.version });
  if (!p.problem.trim() || !p.actions.trim() || !p.results.trim()) throw invalid(PRACTICE_MSG.submitEmpty);
  await db.transaction(async (tx) => {
    await move(tx, p, version, 'submitted', { submittedAt: new Date() });
    await recordEvent(tx, actor, 'practice.submitted', target(p), {
      title: p.title,
      resubmitted: p.status === 'returned',
    });
  });
  return getPractice(db, { actor, practiceId: p.id });
}

/** The reviewer's unit: the assignment that gives him the right (the region's before the municipality's). */
function reviewerUnitOf(actor: Actor, authorPath: string): string {
  const a = actor.assignments
    .filter(
      (x) =>
        ['regional_operator', 'regional_center', 'municipal_coordinator'].includes(x.role) &&
        authorPath.startsWith(x.governingPath),
    )
    .sort((x, y) => x.governingPath.length - y.governingPath.length)[0];
  if (!a) throw forbidden(PRACTICE_MSG.reviewForbidden);
  return a.governingId;
}

export async function reviewPractice(db: Db, opts: { actor: Actor; practiceId: string; input: ReviewInput }) {
  const { actor } = opts;
  const input = parseInput(reviewInput, opts.input);
  const { practice: p, authorPath } = await loadPractice(db, actor, opts.practiceId);
  if (!canReview(actor, authorPath)) throw forbidden(PRACTICE_MSG.reviewForbidden);
  if (p.status !== 'submitted') throw invalid(PRACTICE_MSG.reviewState);
  if (p.version !== input.version) throw conflict({ version: p.version });
  const comment = input.comment.trim();
  if (input.decision !== 'approve' && !comment)
    throw invalid(PRACTICE_MSG.commentRequired, [
      { field: 'comment', message: PRACTICE_MSG.commentRequired },
    ]);
  const scores = new Map(input.criteria.map((c) => [c.key, c.score]));
  if (input.decision === 'approve' && scores.size < PRACTICE_CRITERIA.length)
    throw invalid(PRACTICE_MSG.criteriaAll);
  const criteria = PRACTICE_CRITERIA.filter((c) => scores.has(c.key)).map((c) => {
    const score = scores.get(c.key) ?? 0;
    if (score > c.max)
      throw invalid(PRACTICE_MSG.criterionRange, [
        { field: 'criteria', message: PRACTICE_MSG.criterionRange },
      ]);
    return { key: c.key, title: c.title, score, max: c.max };
  });
  const reviewerUnitId = reviewerUnitOf(actor, authorPath);
  const to: PracticeStatus =
    input.decision === 'approve' ? 'approved' : input.decision === 'return' ? 'returned' : 'rejected';
  await db.transaction(async (tx) => {
    await move(tx, p, input.version, to);
    await tx.insert(practiceReviews).values({
      practiceId: p.id,
      reviewerUnitId,
      reviewerId: actor.userId,
      reviewerName: actor.fullName,
      criteria,
      decision: input.decision,
      comment,
    });
    await recordEvent(tx, actor, 'practice.reviewed', target(p), {
      decision: input.decision,
      comment,
      score: criteria.reduce((s, c) => s + c.score, 0),
      maxScore: criteria.reduce((s, c) => s + c.max, 0),
      reviewerUnitId,
    });
  });
  return getPractice(db, { actor, practiceId: p.id });
}

export async function publishPractice(db: Db, opts: { actor: Actor; practiceId: string; version: number }) {
  const { actor } = opts;
  const { version } = parseInput(versionInput, { version: opts.version });
  const { practice: p, authorPath } = await loadPractice(db, actor, opts.practiceId);
  if (!canReview(actor, authorPath)) throw forbidden(PRACTICE_MSG.reviewForbidden);
  if (p.status !== 'approved') throw invalid(PRACTICE_MSG.publishState);
  if (p.version !== version) throw conflict({ version: p.version });
  await db.transaction(async (tx) => {
    await move(tx, p, version, 'published', { publishedAt: new Date() });
    await recordEvent(tx, actor, 'practice.published', target(p), { title: p.title });
  });
  return getPractice(db, { actor, practiceId: p.id });
}

export async function withdrawPractice(
  db: Db,
  opts: { actor: Actor; practiceId: string; input: { version: number; reason: string } },
) {
  const { actor } = opts;
  const input = parseInput(withdrawInput, opts.input);
  const { practice: p, authorPath } = await loadPractice(db, actor, opts.practiceId);
  if (!canReview(actor, authorPath) && !canAuthor(actor, authorPath))
    throw forbidden(PRACTICE_MSG.withdrawForbidden);
  if (p.status !== 'published') throw invalid(PRACTICE_MSG.withdrawState);
  if (p.version !== input.version) throw conflict({ version: p.version });
  await db.transaction(async (tx) => {
    await move(tx, p, input.version, 'withdrawn');
    await recordEvent(tx, actor, 'practice.withdrawn', target(p), { title: p.title, reason: input.reason });
  });
  return getPractice(db, { actor, practiceId: p.id });
}
