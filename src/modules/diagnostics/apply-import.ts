import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { diagnosticImports } from '../../db/schema/people.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { staffReader } from '../access/people-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { loadDiagnostic } from './access.js';
import { checkMayImport, importViewOf, loadImport, storedRows, writeResults } from './import-store.js';
import { applyImportInput } from './schemas.js';
import { DIAG_COUNTED, DIAG_MSG } from './strings.js';
import type { importView } from './views.js';

// The review step of a results import: for each doubtful row the person chooses one of its candidates
// or skips it; «Применить» writes every row in one transaction (`matchedBy` = review for chosen ones).

type ImportView = z.infer<typeof importView>;

export async function getImport(db: Db, opts: { actor: Actor; id: string }): Promise<ImportView> {
  return importViewOf((await loadImport(db, opts.actor, opts.id)).imp);
}

/** The imports of a diagnostic the actor sees (of his units), newest first. */
export async function listImports(
  db: Db,
  opts: { actor: Actor; diagnosticId: string },
): Promise<ImportView[]> {
  await loadDiagnostic(db, opts.actor, opts.diagnosticId);
  const rows = await db
    .select({ imp: diagnosticImports })
    .from(diagnosticImports)
    .innerJoin(orgUnits, eq(orgUnits.id, diagnosticImports.unitId))
    .where(
      and(
        eq(diagnosticImports.diagnosticId, opts.diagnosticId),
        pathReadable(staffReader(opts.actor), orgUnits.path),
      ),
    )
    .orderBy(desc(diagnosticImports.createdAt))
    .limit(50);
  return rows.map((r) => importViewOf(r.imp));
}

export async function applyImport(
  db: Db,
  opts: { actor: Actor; id: string; input: unknown },
): Promise<{ import: ImportView; message: string }> {
  const { actor } = opts;
  const input = parseInput(applyImportInput, opts.input);
  const { imp, d, unitPath } = await loadImport(db, actor, opts.id);
  checkMayImport(actor, d, unitPath);
  if (imp.status !== 'review') throw invalid(DIAG_MSG.importNotReview);
  if (imp.version !== input.version) throw conflict();
  const decisions = new Map(input.decisions.map((x) => [x.row, x.staffId]));
  const rows = storedRows(imp);
  const ready: {
    row: number;
    staffId: string;
    scores: Record<string, number>;
    by: 'code' | 'name' | 'review';
  }[] = [];
  let skipped = 0;
  for (const r of rows) {
    if (!r.doubt) {
      if (r.staffId && r.matchedBy)
        ready.push({ row: r.row, staffId: r.staffId, scores: r.scores, by: r.matchedBy });
      continue;
    }
    if (!decisions.has(r.row)) throw invalid(`Строка ${r.row}: ${DIAG_MSG.importUndecided.toLowerCase()}`);
    const chosen = decisions.get(r.row) ?? null;
    if (chosen === null) {
      skipped++;
      continue;
    }
    if (!r.candidates.some((c) => c.staffId === chosen))
      throw invalid(`Строка ${r.row}: ${DIAG_MSG.badCandidate.toLowerCase()}`);
    ready.push({ row: r.row, staffId: chosen, scores: r.scores, by: 'review' });
  }
  const result = await db.transaction(async (tx) => {
    const done = await tx
      .update(diagnosticImports)
      .set({ status: 'applied', appliedAt: new Date(), version: imp.version + 1, updatedAt: new Date() })
      .where(
        and(
          eq(diagnosticImports.id, imp.id),
          eq(diagnosticImports.version, imp.version),
          eq(diagnosticImports.status, 'review'),
        ),
      )
      .returning();
    if (!done.length) throw conflict();
    const written = await writeResults(tx, actor, d, imp, ready, skipped);
    return { written, updated: done[0] };
  });
  const replaced = result.written.replaced
    ? `; ${DIAG_COUNTED.replaced.render(result.written.replaced)}`
    : '';
  return {
    import: importViewOf(result.updated ?? imp),
    message: `${DIAG_COUNTED.applied.render(result.written.written)}${replaced}`,
  };
}

export async function cancelImport(
  db: Db,
  opts: { actor: Actor; id: string; version: number },
): Promise<ImportView> {
  const { actor } = opts;
  const { imp, d, unitPath } = await loadImport(db, actor, opts.id);
  checkMayImport(actor, d, unitPath);
  if (imp.status !== 'review') throw invalid(DIAG_MSG.importNotReview);
  if (imp.version !== opts.version) throw conflict();
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(diagnosticImports)
      .set({ status: 'cancelled', version: imp.version + 1, updatedAt: new Date() })
      .where(and(eq(diagnosticImports.id, imp.id), eq(diagnosticImports.version, imp.version)))
      .returning();
    if (!row) throw conflict();
    await recordEvent(
      tx,
      actor,
      'diagnostic.import_cancelled',
      { entityType: 'diagnostic_import', entityId: imp.id, orgUnitId: imp.unitId },
      { fileName: imp.fileName },
    );
    return row;
  });
  return importViewOf(updated);
}
