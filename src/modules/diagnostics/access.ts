import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { deficitDiagnostics } from '../../db/schema/people.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, pathIsAncestorOfActor, pathReadable } from '../access/actor.js';
import { canKeepStaff, canRunSupportOf, staffReader } from '../access/people-rules.js';
import { DIAG_MSG } from './strings.js';

// Who sees and who keeps a diagnostic. It is read by whoever reads teachers' data of its owner unit
// (the region's centre, the municipality) or of a unit inside it (a school's team sees the region's
// diagnostic its teachers take); it is kept by its owner (`canRunSupportOf`). A teacher reads only his
// own results (my-results.ts).

export type LoadedDiagnostic = typeof deficitDiagnostics.$inferSelect & {
  ownerName: string;
  ownerPath: string;
};

/** SQL: the diagnostic's owner unit (path column) is visible to the actor as a reader of teachers' data. */
export const diagnosticReadable = (actor: Actor, ownerPath: typeof orgUnits.path) => {
  const reader = staffReader(actor);
  return or(pathReadable(reader, ownerPath), pathIsAncestorOfActor(reader, ownerPath));
};

export async function loadDiagnostic(db: Db, actor: Actor, id: string): Promise<LoadedDiagnostic> {
  const [row] = await db
    .select({ d: deficitDiagnostics, ownerName: orgUnits.name, ownerPath: orgUnits.path })
    .from(deficitDiagnostics)
    .innerJoin(orgUnits, eq(orgUnits.id, deficitDiagnostics.ownerUnitId))
    .where(and(eq(deficitDiagnostics.id, id), diagnosticReadable(actor, orgUnits.path)));
  if (!row) throw notFound('Диагностика');
  return { ...row.d, ownerName: row.ownerName, ownerPath: row.ownerPath };
}

export async function loadDiagnosticToKeep(db: Db, actor: Actor, id: string): Promise<LoadedDiagnostic> {
  const d = await loadDiagnostic(db, actor, id);
  if (!canRunSupportOf(actor, d.ownerPath)) throw forbidden(DIAG_MSG.notOwner);
  return d;
}

/** The unit a results file is for: the owner (any school below it) or a school of the actor's team. */
export async function importUnitOf(
  db: Db,
  actor: Actor,
  d: LoadedDiagnostic,
  schoolId: string | undefined,
): Promise<{ id: string; path: string }> {
  if (!schoolId) {
    if (canRunSupportOf(actor, d.ownerPath)) return { id: d.ownerUnitId, path: d.ownerPath };
    const own = actor.assignments.find(
      (a) => a.role === 'school_team' && a.unitKind === 'school' && a.unitPath.startsWith(d.ownerPath),
    );
    if (!own) throw forbidden(DIAG_MSG.cannotImport);
    return { id: own.orgUnitId, path: own.unitPath };
  }
  const [school] = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.id, schoolId),
        eq(orgUnits.kind, 'school'),
        pathReadable(staffReader(actor), orgUnits.path),
      ),
    );
  if (!school) throw notFound('Школа');
  if (!school.path.startsWith(d.ownerPath)) throw notFound('Школа');
  if (!canRunSupportOf(actor, d.ownerPath) && !canKeepStaff(actor, school.path))
    throw forbidden(DIAG_MSG.cannotImport);
  return school;
}

/** May the actor import results for the diagnostic at all (the owner, or a school's team below it). */
export const canImportInto = (actor: Actor, ownerPath: string) =>
  canRunSupportOf(actor, ownerPath) ||
  actor.assignments.some(
    (a) => a.role === 'school_team' && a.unitKind === 'school' && a.unitPath.startsWith(ownerPath),
  );
