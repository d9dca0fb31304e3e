import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { files } from '../../db/schema/files.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { practiceFiles, practiceReviews } from '../../db/schema/practices.js';
import type { Actor } from '../access/actor.js';
import { authorPaths, canAuthor, canReview, loadPractice } from './practice-access.js';
import { factorTitles, parentUnit, regionIdOf, summaryOf } from './practice-rows.js';
import type { PracticeView } from './views.js';

// A practice's card: its fields, materials, reviews and what the actor may do with it now.

export async function getPractice(db: Db, opts: { actor: Actor; practiceId: string }): Promise<PracticeView> {
  const { actor } = opts;
  const loaded = await loadPractice(db, actor, opts.practiceId);
  const p = loaded.practice;
  const [parent] = await db
    .select({ id: parentUnit.id, name: parentUnit.name, kind: parentUnit.kind })
    .from(orgUnits)
    .innerJoin(parentUnit, eq(parentUnit.id, orgUnits.parentId))
    .where(eq(orgUnits.id, p.authorUnitId));
  const titles = await factorTitles(db, [regionIdOf(loaded.authorPath)]);
  const materials = await db
    .select({ id: practiceFiles.id, title: practiceFiles.title, fileName: files.name, size: files.size })
    .from(practiceFiles)
    .innerJoin(files, eq(files.id, practiceFiles.fileId))
    .where(eq(practiceFiles.practiceId, p.id))
    .orderBy(asc(practiceFiles.createdAt), asc(practiceFiles.id));
  const reviews = await db
    .select({ r: practiceReviews, unitName: orgUnits.name })
    .from(practiceReviews)
    .innerJoin(orgUnits, eq(orgUnits.id, practiceReviews.reviewerUnitId))
    .where(eq(practiceReviews.practiceId, p.id))
    .orderBy(asc(practiceReviews.createdAt), asc(practiceReviews.id));
  const [withdrawn] =
    p.status === 'withdrawn'
      ? await db
          .select({ payload: auditEvents.payload })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.entityType, 'practice'),
              eq(auditEvents.entityId, p.id),
              eq(auditEvents.type, 'practice.withdrawn'),
            ),
          )
          .orderBy(desc(auditEvents.at), desc(auditEvents.id))
          .limit(1)
      : [];
  const author = canAuthor(actor, loaded.authorPath);
  const reviewer = canReview(actor, loaded.authorPath);
  const editable = p.status === 'draft' || p.status === 'returned';
  return {
    ...summaryOf(
      {
        practice: p,
        authorPath: loaded.authorPath,
        authorName: loaded.authorName,
        authorKind: loaded.authorKind,
        parentId: parent?.id ?? null,
        parentName: parent?.name ?? null,
        parentKind: parent?.kind ?? null,
      },
      titles,
      authorPaths(actor),
    ),
    actions: p.actions,
    results: p.results,
    contact: p.contact,
    materials,
    reviews: reviews.map(({ r, unitName }) => {
      const score = r.criteria.reduce((s, c) => s + c.score, 0);
      const maxScore = r.criteria.reduce((s, c) => s + c.max, 0);
      return {
        id: r.id,
        reviewerUnitName: unitName,
        reviewerName: r.reviewerName,
        criteria: r.criteria,
        score,
        maxScore,
        decision: r.decision,
        comment: r.comment,
        createdAt: r.createdAt.toISOString(),
      };
    }),
    withdrawReason: withdrawn ? String((withdrawn.payload as { reason?: string }).reason ?? '') : null,
    canEdit: author && editable,
    canSubmit: author && editable,
    canReview: reviewer && p.status === 'submitted',
    canPublish: reviewer && p.status === 'approved',
    canWithdraw: (reviewer || author) && p.status === 'published',
    version: p.version,
  };
}
