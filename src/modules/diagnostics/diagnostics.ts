import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { deficitDiagnostics, diagnosticResults } from '../../db/schema/people.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canRunSupportOf, staffReader } from '../access/people-rules.js';
import { regionOfPath } from '../access/region-level.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import {
  canImportInto,
  diagnosticReadable,
  type LoadedDiagnostic,
  loadDiagnostic,
  loadDiagnosticToKeep,
} from './access.js';
import { diagnosticHistory } from './history.js';
import { levelsOfRegion } from './scale.js';
import { createDiagnosticInput, updateDiagnosticInput } from './schemas.js';
import { DIAG_MSG } from './strings.js';
import type { diagnosticView } from './views.js';

// Diagnostics of professional deficits: created by the unit that runs them (usually the region's ЦНППМ)
// with the region's scale frozen; blocks are editable until results exist; `previousId` makes it a
// re-diagnosis whose results show the change per block.

type DiagnosticView = z.infer<typeof diagnosticView>;
const target = (d: { id: string; ownerUnitId: string }) => ({
  entityType: 'deficit_diagnostic' as const,
  entityId: d.id,
  orgUnitId: d.ownerUnitId,
});

async function resultCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: diagnosticResults.diagnosticId, n: count() })
    .from(diagnosticResults)
    .where(inArray(diagnosticResults.diagnosticId, ids))
    .groupBy(diagnosticResults.diagnosticId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

async function names(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: deficitDiagnostics.id, name: deficitDiagnostics.name })
    .from(deficitDiagnostics)
    .where(inArray(deficitDiagnostics.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function view(
  actor: Actor,
  d: LoadedDiagnostic,
  results: number,
  previousName: string | null,
): DiagnosticView {
  return {
    id: d.id,
    ownerUnitId: d.ownerUnitId,
    ownerName: d.ownerName,
    name: d.name,
    conductedOn: d.conductedOn,
    year: d.year,
    organiser: d.organiser,
    blocks: d.blocks,
    levels: d.levels,
    previousId: d.previousId,
    previousName,
    results,
    version: d.version,
    canEdit: canRunSupportOf(actor, d.ownerPath),
    canImport: canImportInto(actor, d.ownerPath),
  };
}

export async function getDiagnostic(db: Db, opts: { actor: Actor; id: string }): Promise<DiagnosticView> {
  const d = await loadDiagnostic(db, opts.actor, opts.id);
  const counts = await resultCounts(db, [d.id]);
  const prev = await names(db, d.previousId ? [d.previousId] : []);
  const v = view(
    opts.actor,
    d,
    counts.get(d.id) ?? 0,
    d.previousId ? (prev.get(d.previousId) ?? null) : null,
  );
  return { ...v, history: await diagnosticHistory(db, d.id, v.canEdit) };
}

export async function listDiagnostics(
  db: Db,
  opts: { actor: Actor; year?: number | undefined },
): Promise<DiagnosticView[]> {
  const rows = await db
    .select({ d: deficitDiagnostics, ownerName: orgUnits.name, ownerPath: orgUnits.path })
    .from(deficitDiagnostics)
    .innerJoin(orgUnits, eq(orgUnits.id, deficitDiagnostics.ownerUnitId))
    .where(
      and(
        diagnosticReadable(opts.actor, orgUnits.path),
        opts.year === undefined ? undefined : eq(deficitDiagnostics.year, opts.year),
      ),
    )
    .orderBy(desc(deficitDiagnostics.conductedOn), deficitDiagnostics.name)
    .limit(500);
  const counts = await resultCounts(
    db,
    rows.map((r) => r.d.id),
  );
  const prev = await names(
    db,
    rows.flatMap((r) => (r.d.previousId ? [r.d.previousId] : [])),
  );
  return rows.map((r) =>
    view(
      opts.actor,
      { ...r.d, ownerName: r.ownerName, ownerPath: r.ownerPath },
      counts.get(r.d.id) ?? 0,
      r.d.previousId ? (prev.get(r.d.previousId) ?? null) : null,
    ),
  );
}

/** The diagnostic a re-diagnosis repeats: visible to the actor and of the same region. */
async function checkPrevious(db: Db, actor: Actor, previousId: string, ownerPath: string, selfId?: string) {
  if (previousId === selfId) throw invalid(DIAG_MSG.previousSelf);
  const prev = await loadDiagnostic(db, actor, previousId).catch(() => null);
  if (!prev || regionOfPath(prev.ownerPath) !== regionOfPath(ownerPath))
    throw invalid(DIAG_MSG.previousMissing);
}

export async function createDiagnostic(
  db: Db,
  opts: { actor: Actor; input: unknown },
): Promise<DiagnosticView> {
  const { actor } = opts;
  const input = parseInput(createDiagnosticInput, opts.input);
  const [owner] = await db
    .select({ id: orgUnits.id, path: orgUnits.path, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.ownerUnitId), pathReadable(staffReader(actor), orgUnits.path)));
  if (!owner) throw notFound('Организация');
  if (!canRunSupportOf(actor, owner.path)) throw forbidden(DIAG_MSG.notOwner);
  if (input.previousId) await checkPrevious(db, actor, input.previousId, owner.path);
  const regionId = regionOfPath(owner.path);
  if (!regionId) throw notFound('Регион');
  const levels = await levelsOfRegion(db, regionId);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(deficitDiagnostics)
      .values({
        ownerUnitId: owner.id,
        name: input.name,
        conductedOn: input.conductedOn,
        year: input.year,
        organiser: input.organiser,
        blocks: input.blocks,
        levels,
        previousId: input.previousId ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: deficitDiagnostics.id });
    if (!created) throw new Error('diagnostic was not created');
    await recordEvent(tx, actor, 'diagnostic.created', target({ id: created.id, ownerUnitId: owner.id }), {
      title: input.name,
    });
    return created.id;
  });
  return getDiagnostic(db, { actor, id });
}

export async function updateDiagnostic(
  db: Db,
  opts: { actor: Actor; id: string; input: unknown },
): Promise<DiagnosticView> {
  const { actor, id } = opts;
  const input = parseInput(updateDiagnosticInput, opts.input);
  const d = await loadDiagnosticToKeep(db, actor, id);
  if (input.version !== d.version) throw conflict();
  if (input.blocks && JSON.stringify(input.blocks) !== JSON.stringify(d.blocks)) {
    const n = (await resultCounts(db, [id])).get(id) ?? 0;
    if (n > 0) throw invalid(DIAG_MSG.blocksLocked);
  }
  if (input.previousId) await checkPrevious(db, actor, input.previousId, d.ownerPath, id);
  const { version, ...fields } = input;
  const changes = diff(d as Record<string, unknown>, fields, Object.keys(fields));
  if (changes.length) {
    await db.transaction(async (tx) => {
      const done = await tx
        .update(deficitDiagnostics)
        .set({ ...fields, version: d.version + 1, updatedAt: new Date() })
        .where(and(eq(deficitDiagnostics.id, id), eq(deficitDiagnostics.version, version)))
        .returning({ id: deficitDiagnostics.id });
      if (!done.length) throw conflict();
      await recordEvent(tx, actor, 'diagnostic.updated', target(d), { changes });
    });
  }
  return getDiagnostic(db, { actor, id });
}
