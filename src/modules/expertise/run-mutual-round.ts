import { and, eq, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { expertiseReviews, expertiseRounds } from '../../db/schema/expertise.js';
import { mentorPairs } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { AppError, forbidden, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { insertReview } from './assign-reviewer.js';
import { assignMutualExpertise } from './mutual-assignment.js';
import { newSeed } from './seeded.js';
import { MSG } from './strings.js';
import { loadTarget } from './targets.js';
import { inUnit, loadScopeUnit, runsFor, schoolsInfo, shnorOfRegion } from './units.js';
import { runMutualInput } from './values.js';

// The region or a municipality distributes its ШНОР documents on expertise among the region's ШНОР
// (взаимная экспертиза): the pure algorithm decides, this records the round with its seed and creates a
// draft review per assignment, to be filled by the reviewing school's team. Documents that already have a
// mutual review are left as they are (a second run distributes only the new ones; changes are by hand).
//
// A school never reviews its mentor school's or its mentee's document: the mentor pairs of the year
// (issue 12) are the forbidden pairs.

export async function runMutualRound(db: Db, opts: { actor: Actor; input: z.input<typeof runMutualInput> }) {
  const input = parseInput(runMutualInput, opts.input);
  return db.transaction(async (tx) => {
    const unit = await loadScopeUnit(tx, opts.actor, input.unitId);
    if (!runsFor(opts.actor, unit)) throw forbidden(MSG.notOrganizer);
    // One round at a time in a region: a region's and a municipality's round (or a double click) must
    // not both give a document its mutual review. The second waits and then finds them assigned.
    await tx.execute(sql`select id from org_units where id = ${unit.regionId} for update`);
    const shnor = await shnorOfRegion(tx, unit.regionId, input.year);
    const already = tx
      .select({ id: expertiseReviews.schoolDocumentId })
      .from(expertiseReviews)
      .where(and(eq(expertiseReviews.mode, 'mutual'), isNotNull(expertiseReviews.schoolDocumentId)));
    const docs = await tx
      .select({ id: schoolDocuments.id, schoolId: schoolDocuments.schoolId })
      .from(schoolDocuments)
      .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
      .where(
        and(
          eq(schoolDocuments.year, input.year),
          eq(schoolDocuments.status, 'expertise'),
          inUnit(unit.path, orgUnits.path),
          notInArray(schoolDocuments.id, already),
        ),
      );
    // Every program on expertise takes part: only schools in the support programme write them, and the
    // approved list may lag behind (a school added by the region's decision during the year).
    const ofShnor = docs;
    if (ofShnor.length === 0) {
      const [any] = await tx
        .select({ id: expertiseReviews.id })
        .from(expertiseReviews)
        .innerJoin(schoolDocuments, eq(schoolDocuments.id, expertiseReviews.schoolDocumentId))
        .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
        .where(
          and(
            eq(expertiseReviews.mode, 'mutual'),
            eq(schoolDocuments.year, input.year),
            inUnit(unit.path, orgUnits.path),
          ),
        )
        .limit(1);
      throw new AppError(any ? 'CONFLICT' : 'INVALID_INPUT', any ? MSG.roundExists : MSG.noDocuments);
    }
    // Reviewers: the region's ШНОР — from its approved list, and every school of the region with a program
    // on expertise this year (a municipality's round still draws reviewers from the whole region).
    const owners = await tx
      .selectDistinct({ id: schoolDocuments.schoolId })
      .from(schoolDocuments)
      .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
      .where(
        and(
          eq(schoolDocuments.year, input.year),
          eq(schoolDocuments.status, 'expertise'),
          inUnit(`/${unit.regionId}/`, orgUnits.path),
        ),
      );
    const pool = [...new Set([...shnor, ...owners.map((o) => o.id)])];
    const info = await schoolsInfo(tx, pool);
    const pairs = await tx
      .select({ a: mentorPairs.schoolId, b: mentorPairs.mentorSchoolId })
      .from(mentorPairs)
      .where(eq(mentorPairs.year, input.year));
    const seed = input.seed ?? newSeed();
    const result = assignMutualExpertise({
      documents: ofShnor.map((d) => ({
        id: d.id,
        schoolId: d.schoolId,
        municipalityId: info.get(d.schoolId)?.municipalityId ?? null,
      })),
      reviewers: pool.map((id) => ({ schoolId: id, municipalityId: info.get(id)?.municipalityId ?? null })),
      forbiddenPairs: pairs.map((p) => [p.a, p.b] as const),
      seed,
    });
    const stats = {
      documents: ofShnor.length,
      reviewers: pool.length,
      assigned: result.assignments.length,
      unassigned: result.unassigned.length,
      crossMunicipality: result.assignments.filter((a) => a.crossMunicipality).length,
      maxLoad: result.maxLoad,
    };
    const [round] = await tx
      .insert(expertiseRounds)
      .values({ ownerUnitId: unit.id, year: input.year, seed, stats, createdBy: opts.actor.userId })
      .returning({ id: expertiseRounds.id });
    if (!round) throw new Error('round not inserted');
    for (const a of result.assignments) {
      const t = await loadTarget(tx, null, { schoolDocumentId: a.documentId });
      await insertReview(tx, opts.actor, t, {
        mode: 'mutual',
        reviewerSchoolId: a.reviewerSchoolId,
        roundId: round.id,
      });
    }
    await recordEvent(
      tx,
      opts.actor,
      'expertise_round.created',
      { entityType: 'expertise_round', entityId: round.id, orgUnitId: unit.id },
      { year: input.year, seed, assigned: stats.assigned, unassigned: stats.unassigned },
    );
    return {
      id: round.id,
      seed,
      year: input.year,
      unitId: unit.id,
      stats,
      unassignedDocumentIds: result.unassigned,
    };
  });
}
