import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../db/schema/auth.js';
import type { OrgKind } from '../../db/schema/orgs.js';

export type Assignment = {
  role: Role;
  orgUnitId: string;
  unitName: string;
  unitKind: OrgKind;
  unitPath: string;
  /** The region, municipality or school the unit belongs to (an institution is governed by its parent). */
  governingId: string;
  governingPath: string;
};

/** A signed-in user with his role assignments: every request of the API acts as one. */
export type Actor = {
  kind: 'user';
  userId: string;
  login: string;
  fullName: string;
  assignments: Assignment[];
};

/**
 * The system itself (the CLI, the demo loader, jobs started by nobody): named explicitly, so an operation
 * never skips its checks because a caller forgot to pass a user. Only operations that the system may
 * perform accept it (their `actor` is `AnyActor`); the history records `name` as the author.
 */
export type SystemActor = { kind: 'system'; fullName: string };
export type AnyActor = Actor | SystemActor;

export const systemActor = (fullName: string): SystemActor => ({ kind: 'system', fullName });
export const isSystem = (actor: AnyActor): actor is SystemActor => actor.kind === 'system';

/** Roles that read everything below their unit; the others read only their own unit. */
const SUBTREE_READERS: Role[] = [
  'regional_operator',
  'regional_center',
  'municipal_coordinator',
  'expert',
  'curator',
  'school_team',
  'teacher',
];

/** Path prefixes of the org subtrees this actor may read. */
export function readablePrefixes(actor: Actor): string[] {
  if (actor.assignments.some((a) => a.role === 'admin')) return ['/'];
  const prefixes = actor.assignments
    .filter((a) => SUBTREE_READERS.includes(a.role))
    .map((a) =>
      a.role === 'curator' || a.role === 'school_team' || a.role === 'teacher' ? a.unitPath : a.governingPath,
    );
  // Drop prefixes nested in another one: fewer LIKE terms in every query.
  return [...new Set(prefixes)].filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q)));
}

/** SQL condition "the unit with this path is readable by the actor"; used inside every scoped query. */
export function pathReadable(actor: Actor, pathColumn: AnyPgColumn | SQL): SQL {
  const prefixes = readablePrefixes(actor);
  if (prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    prefixes.map((p) => sql`${pathColumn} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** SQL condition "the unit with this path is above one of the actor's units" (its approved documents apply to him). */
export function pathIsAncestorOfActor(actor: Actor, pathColumn: AnyPgColumn | SQL): SQL {
  const own = [...new Set(actor.assignments.map((a) => a.unitPath))];
  if (own.length === 0) return sql`false`;
  return sql`(${sql.join(
    own.map((p) => sql`${p} like ${pathColumn} || '%'`),
    sql` or `,
  )})`;
}

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.assignments.some((a) => roles.includes(a.role));
}

export function isAdmin(actor: Actor): boolean {
  return hasRole(actor, ['admin']);
}

/** The author of everything the demo loader creates without a demo user's hand. */
export const DEMO_LOADER = systemActor('Загрузка демо-данных');
