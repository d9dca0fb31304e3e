import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { expertiseReviews } from '../../db/schema/expertise.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { AppError, conflict, forbidden, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { userOfRegion } from './assign-reviewer.js';
import { allowedReviewer, forbiddenSet } from './mutual-assignment.js';
import { loadReviewAccess, readsPath } from './review-access.js';
import { MSG } from './strings.js';
import { shnorOfRegion } from './units.js';
import { reassignReviewInput } from './values.js';

// The organizer adjusts an assignment by hand: another school for a mutual review (the same rules as the
// algorithm: another ШНОР of the region, never the document's own school), another user for an expert's.
// Only while the review is a draft; what the previous reviewer wrote is cleared, the history keeps it.

export async function reassignReview(
  db: Db,
  opts: { actor: Actor; reviewId: string; input: z.input<typeof reassignReviewInput> },
) {
  const input = parseInput(reassignReviewInput, opts.input);
  return db.transaction(async (tx) => {
    const a = await loadReviewAccess(tx, opts.actor, opts.reviewId);
    if (!a.canOrganize) throw forbidden(MSG.notOrganizer);
    const r = a.review;
    if (r.version !== input.version) throw conflict();
    if (r.status !== 'draft') throw new AppError('CONFLICT', MSG.submitted);
    const mutual = r.mode === 'mutual';
    const to = mutual ? input.reviewerSchoolId : input.reviewerUserId;
    if (!to || (mutual ? input.reviewerUserId : input.reviewerSchoolId))
      throw invalid(MSG.mutualOnlySchool, [
        { field: mutual ? 'reviewerSchoolId' : 'reviewerUserId', message: MSG.mutualOnlySchool },
      ]);
    if (mutual) {
      const [doc] = await tx
        .select({ year: schoolDocuments.year })
        .from(schoolDocuments)
        .where(eq(schoolDocuments.id, r.schoolDocumentId ?? ''));
      const shnor = await shnorOfRegion(tx, r.regionId, doc?.year ?? new Date().getUTCFullYear());
      const [school] = await tx
        .select({ id: orgUnits.id, path: orgUnits.path })
        .from(orgUnits)
        .where(
          and(
            eq(orgUnits.id, to),
            eq(orgUnits.kind, 'school'),
            sql`${orgUnits.path} like ${`/${r.regionId}/%`}`,
          ),
        );
      const target = { id: r.schoolDocumentId ?? '', schoolId: r.targetUnitId, municipalityId: null };
      const inRegion =
        school !== undefined &&
        // The same pool as the distribution: the approved ШНОР, or a school with a program on expertise.
        (shnor.size === 0 || shnor.has(to) || (await hasProgramOnExpertise(tx, to, doc?.year))) &&
        // A coordinator names only schools he reads: another municipality's ШНОР is the region's to name.
        (a.regionLevel || readsPath(opts.actor, school.path));
      if (!inRegion || !allowedReviewer(target, to, forbiddenSet([])))
        throw invalid(MSG.notReviewerSchool, [{ field: 'reviewerSchoolId', message: MSG.notReviewerSchool }]);
    } else if (!(await userOfRegion(tx, to, r.regionId))) {
      throw invalid(MSG.notAnExpert, [{ field: 'reviewerUserId', message: MSG.notAnExpert }]);
    }
    const [row] = await tx
      .update(expertiseReviews)
      .set({
        ...(mutual ? { reviewerSchoolId: to } : { reviewerUserId: to }),
        scores: {},
        total: null,
        conclusion: null,
        recommendations: '',
        version: sql`${expertiseReviews.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(expertiseReviews.id, r.id), eq(expertiseReviews.version, input.version)))
      .returning({ version: expertiseReviews.version });
    if (!row) throw conflict();
    await recordEvent(
      tx,
      opts.actor,
      'expertise_review.reassigned',
      { entityType: 'expertise_review', entityId: r.id, orgUnitId: r.targetUnitId },
      { from: mutual ? r.reviewerSchoolId : r.reviewerUserId, to },
    );
    return { id: r.id, version: row.version };
  });
}

async function hasProgramOnExpertise(db: Db, schoolId: string, year: number | undefined): Promise<boolean> {
  if (year === undefined) return false;
  const [row] = await db
    .select({ id: schoolDocuments.id })
    .from(schoolDocuments)
    .where(
      and(
        eq(schoolDocuments.schoolId, schoolId),
        eq(schoolDocuments.year, year),
        eq(schoolDocuments.status, 'expertise'),
      ),
    )
    .limit(1);
  return Boolean(row);
}
