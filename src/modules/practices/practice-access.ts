import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/auth.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { practices } from '../../db/schema/practices.js';
import { notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';

// Who sees and who acts on a practice of the bank (issue 15 §2):
// - published — every signed-in user of the practice's region;
// - a draft — only its author's team (the school's team; for a municipality, its coordinator);
// - on the path (submitted, returned, rejected, approved, withdrawn) — the author's team and the
//   reviewers of its scope: the municipality of the school and the region (a municipality's own — the region).
// Unseen is 404; seen without the right is 403.

const REVIEW_ROLES: Role[] = ['regional_operator', 'regional_center'];
const PATH_READERS: Role[] = ['admin', 'school_team', 'municipal_coordinator', ...REVIEW_ROLES];

/** The actor's region prefixes `/<regionId>/` (admin: every region). */
function regionPrefixes(actor: Actor): string[] {
  if (actor.assignments.some((a) => a.role === 'admin')) return ['/'];
  const ids = actor.assignments.map((a) => regionOfPath(a.unitPath)).filter((r): r is string => !!r);
  return [...new Set(ids)].map((id) => `/${id}/`);
}

/** Paths of the units whose practices the actor writes: his school (team), his municipality (coordinator). */
export function authorPaths(actor: Actor): string[] {
  return [
    ...new Set(
      actor.assignments.flatMap((a) =>
        a.role === 'school_team' && a.unitKind === 'school'
          ? [a.unitPath]
          : a.role === 'municipal_coordinator'
            ? [a.governingPath]
            : [],
      ),
    ),
  ];
}

const anyLike = (col: AnyPgColumn | SQL, prefixes: string[]) =>
  prefixes.length === 0
    ? sql`false`
    : sql`(${sql.join(
        prefixes.map((p) => sql`${col} like ${`${p}%`}`),
        sql` or `,
      )})`;

/** SQL: the practice (its status column and its author's path) is visible to the actor. */
export function practiceVisible(actor: Actor, authorPath: AnyPgColumn | SQL, status: AnyPgColumn | SQL): SQL {
  const own = authorPaths(actor);
  const pathReader: Actor = {
    ...actor,
    assignments: actor.assignments.filter((a) => PATH_READERS.includes(a.role)),
  };
  const ownSql =
    own.length === 0
      ? sql`false`
      : sql`${authorPath} in (${sql.join(
          own.map((p) => sql`${p}`),
          sql`, `,
        )})`;
  return sql`(
    (${status} = 'published' and ${anyLike(authorPath, regionPrefixes(actor))})
    or ${ownSql}
    or (${status} <> 'draft' and ${pathReadable(pathReader, authorPath)})
  )`;
}

/** The actor writes this unit's practices (creates, edits, submits them). */
export const canAuthor = (actor: Actor, authorPath: string) => authorPaths(actor).includes(authorPath);

/**
 * The actor reviews practices of this author: the region's operator and centre any in the region; the
 * municipal coordinator those of the schools of his municipality (not his own municipality's).
 */
export function canReview(actor: Actor, authorPath: string): boolean {
  return actor.assignments.some(
    (a) =>
      (REVIEW_ROLES.includes(a.role) && authorPath.startsWith(a.governingPath)) ||
      (a.role === 'municipal_coordinator' &&
        authorPath.startsWith(a.governingPath) &&
        authorPath !== a.governingPath),
  );
}

/** A practice the actor sees, with its author unit (404 otherwise). */
export async function loadPractice(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({
      practice: practices,
      authorPath: orgUnits.path,
      authorName: orgUnits.name,
      authorKind: orgUnits.kind,
    })
    .from(practices)
    .innerJoin(orgUnits, eq(orgUnits.id, practices.authorUnitId))
    .where(and(eq(practices.id, id), practiceVisible(actor, orgUnits.path, practices.status)));
  if (!row) throw notFound('Практика');
  return row;
}
export type LoadedPractice = Awaited<ReturnType<typeof loadPractice>>;
