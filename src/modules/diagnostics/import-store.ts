import { and, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { diagnosticImports, diagnosticResults, staffMembers } from '../../db/schema/people.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canKeepStaff, canRunSupportOf, staffReader } from '../access/people-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { refreshPeopleBoundOf } from '../people-coverage/refresh-people-bound.js';
import { type LoadedDiagnostic, loadDiagnostic } from './access.js';
import { scoreResult } from './levels.js';
import type { RegistrySchool, RegistryTeacher } from './match-teachers.js';
import { DIAG_MSG } from './strings.js';
import { importRowView, type importView } from './views.js';

// What the import and its review share: the registry a file is matched against, the stored import and
// its view, and the one transaction that writes the results (levels by `scoreResult`, re-import replaces
// the teacher's earlier result of the same diagnostic).

export type ImportRow = z.infer<typeof importRowView>;
type ImportView = z.infer<typeof importView>;
export type StoredImport = typeof diagnosticImports.$inferSelect;

export const fullNameOf = (s: { lastName: string; firstName: string; middleName: string | null }) =>
  [s.lastName, s.firstName, s.middleName].filter(Boolean).join(' ');

/** Teachers (still working) and schools of a unit's subtree. */
export async function registryOf(
  db: Db,
  unitPath: string,
): Promise<{ teachers: RegistryTeacher[]; schools: RegistrySchool[] }> {
  const schools = await db
    .select({ id: orgUnits.id, name: orgUnits.name, shortName: orgUnits.shortName, code: orgUnits.code })
    .from(orgUnits)
    .where(and(like(orgUnits.path, `${unitPath}%`), eq(orgUnits.kind, 'school')));
  const staff = await db
    .select({
      id: staffMembers.id,
      schoolId: staffMembers.schoolId,
      schoolName: orgUnits.name,
      code: staffMembers.code,
      lastName: staffMembers.lastName,
      firstName: staffMembers.firstName,
      middleName: staffMembers.middleName,
    })
    .from(staffMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, staffMembers.schoolId))
    .where(and(like(orgUnits.path, `${unitPath}%`), isNull(staffMembers.leftOn)));
  return {
    schools,
    teachers: staff.map((s) => ({
      id: s.id,
      schoolId: s.schoolId,
      schoolName: s.schoolName,
      code: s.code,
      fullName: fullNameOf(s),
    })),
  };
}

export const storedRows = (imp: StoredImport): ImportRow[] => z.array(importRowView).parse(imp.rows);

export function importViewOf(imp: StoredImport): ImportView {
  const rows = storedRows(imp);
  return {
    id: imp.id,
    diagnosticId: imp.diagnosticId,
    unitId: imp.unitId,
    fileName: imp.fileName,
    status: imp.status,
    rows,
    doubtful: rows.filter((r) => r.doubt).length,
    createdAt: imp.createdAt.toISOString(),
    version: imp.version,
  };
}

/** An import the actor may see (its unit is readable) and its diagnostic. */
export async function loadImport(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ imp: StoredImport; d: LoadedDiagnostic; unitPath: string }> {
  const [row] = await db
    .select({ imp: diagnosticImports, unitPath: orgUnits.path })
    .from(diagnosticImports)
    .innerJoin(orgUnits, eq(orgUnits.id, diagnosticImports.unitId))
    .where(and(eq(diagnosticImports.id, id), pathReadable(staffReader(actor), orgUnits.path)));
  if (!row) throw notFound('Загрузка результатов');
  const d = await loadDiagnostic(db, actor, row.imp.diagnosticId);
  return { imp: row.imp, d, unitPath: row.unitPath };
}

/** The owner of the diagnostic or the team of the import's school. */
export function checkMayImport(actor: Actor, d: LoadedDiagnostic, unitPath: string) {
  if (!canRunSupportOf(actor, d.ownerPath) && !canKeepStaff(actor, unitPath))
    throw forbidden(DIAG_MSG.cannotImport);
}

/** Writes the results of the rows that have a teacher; throws on a teacher given twice. Inside a transaction. */
export async function writeResults(
  tx: Db,
  actor: Actor,
  d: LoadedDiagnostic,
  imp: { id: string; fileName: string },
  rows: { row: number; staffId: string; scores: Record<string, number>; by: 'code' | 'name' | 'review' }[],
  skipped: number,
): Promise<{ written: number; replaced: number }> {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const first = seen.get(r.staffId);
    if (first !== undefined)
      throw invalid(`Строка ${r.row}: этот педагог уже выбран в строке ${first} — один педагог дважды`);
    seen.set(r.staffId, r.row);
  }
  const ids = rows.map((r) => r.staffId);
  const schools = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const part = await tx
      .select({ id: staffMembers.id, schoolId: staffMembers.schoolId })
      .from(staffMembers)
      .where(inArray(staffMembers.id, ids.slice(i, i + 1000)));
    for (const s of part) schools.set(s.id, s.schoolId);
  }
  let replaced = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const part = await tx
      .select({ id: diagnosticResults.id })
      .from(diagnosticResults)
      .where(
        and(
          eq(diagnosticResults.diagnosticId, d.id),
          inArray(diagnosticResults.staffMemberId, ids.slice(i, i + 1000)),
        ),
      );
    replaced += part.length;
  }
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => {
      const schoolId = schools.get(r.staffId);
      if (!schoolId) throw notFound('Педагог');
      return {
        diagnosticId: d.id,
        staffMemberId: r.staffId,
        schoolId,
        scores: r.scores,
        ...scoreResult(d.blocks, d.levels, r.scores),
        matchedBy: r.by,
        importId: imp.id,
      };
    });
    if (!values.length) continue;
    await tx
      .insert(diagnosticResults)
      .values(values)
      .onConflictDoUpdate({
        target: [diagnosticResults.diagnosticId, diagnosticResults.staffMemberId],
        set: {
          schoolId: sqlExcluded('school_id'),
          scores: sqlExcluded('scores'),
          totalPercent: sqlExcluded('total_percent'),
          level: sqlExcluded('level'),
          blockLevels: sqlExcluded('block_levels'),
          matchedBy: sqlExcluded('matched_by'),
          importId: sqlExcluded('import_id'),
          version: sql`${diagnosticResults.version} + 1`,
          updatedAt: new Date(),
        },
      });
  }
  await recordEvent(
    tx,
    actor,
    'diagnostic.results_imported',
    { entityType: 'deficit_diagnostic', entityId: d.id, orgUnitId: d.ownerUnitId },
    {
      fileName: imp.fileName,
      written: rows.length,
      replaced,
      reviewed: rows.filter((r) => r.by === 'review').length,
      skipped,
    },
  );
  // Diagnosed teachers and their deficits are counted by teachers' coverage (bound indicators).
  await refreshPeopleBoundOf(tx, d.ownerUnitId);
  return { written: rows.length, replaced };
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);
