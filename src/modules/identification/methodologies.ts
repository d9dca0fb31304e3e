import { and, asc, desc, eq, max, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { type MethodologyStatus, methodologies } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { assertRegionAccess, requireIdentificationRegion } from './identification-access.js';
import { type Methodology, OPORA_DEFAULT, parseMethodology } from './methodology.js';

// Stored methodologies of a region (docs/identification-api.md, «Методики»). A version is never edited:
// a change is a new version (a draft) based on an existing one; making a version current archives the
// previous current one. The history is the versions themselves, with who created each and when.

export type MethodologyRow = typeof methodologies.$inferSelect;

export type MethodologyView = {
  id: string;
  code: string;
  version: number;
  name: string;
  status: MethodologyStatus;
  createdAt: Date;
  createdBy: { id: string; fullName: string } | null;
  document: Methodology;
};

const columns = {
  m: methodologies,
  userId: users.id,
  userName: users.fullName,
};

function toView(r: { m: MethodologyRow; userId: string | null; userName: string | null }): MethodologyView {
  return {
    id: r.m.id,
    code: r.m.code,
    version: r.m.version,
    name: r.m.name,
    status: r.m.status,
    createdAt: r.m.createdAt,
    createdBy: r.userId ? { id: r.userId, fullName: r.userName ?? '' } : null,
    document: r.m.document as Methodology,
  };
}

async function viewOf(db: Db, id: string): Promise<MethodologyView> {
  const [row] = await db
    .select(columns)
    .from(methodologies)
    .leftJoin(users, eq(users.id, methodologies.createdBy))
    .where(eq(methodologies.id, id));
  if (!row) throw notFound('Методика');
  return toView(row);
}

/**
 * The region's methodologies, by code and newest version first. A read writes nothing: `opora-default`
 * v1 is created with the region (createOrgUnit), at start-up for regions older than that, and by a run.
 */
export async function listMethodologies(db: Db, opts: { actor: Actor }): Promise<MethodologyView[]> {
  const regionId = requireIdentificationRegion(opts.actor, 'read');
  const rows = await db
    .select(columns)
    .from(methodologies)
    .leftJoin(users, eq(users.id, methodologies.createdBy))
    .where(eq(methodologies.regionId, regionId))
    .orderBy(asc(methodologies.code), desc(methodologies.version));
  return rows.map(toView);
}

/** Creates `opora-default` version 1 as the current methodology of a region that has none. */
export async function ensureDefaultMethodology(db: Db, regionId: string): Promise<void> {
  const [any] = await db
    .select({ id: methodologies.id })
    .from(methodologies)
    .where(eq(methodologies.regionId, regionId))
    .limit(1);
  if (any) return;
  await db
    .insert(methodologies)
    .values({
      regionId,
      code: OPORA_DEFAULT.id,
      version: OPORA_DEFAULT.version,
      name: OPORA_DEFAULT.name,
      document: OPORA_DEFAULT,
      status: 'current',
      createdBy: null,
    })
    .onConflictDoNothing(); // two first calls at once: one of them creates it
}

/** At start-up: every region created before regions got their default methodology gets it now. */
export async function ensureDefaultMethodologies(db: Db): Promise<void> {
  const regions = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.kind, 'region'));
  for (const r of regions) await ensureDefaultMethodology(db, r.id);
}

/** A stored methodology the actor may read (NOT_FOUND otherwise), with its row. */
export async function getMethodologyRow(
  db: Db,
  opts: { actor: Actor; id: string; mode?: 'read' | 'write' },
): Promise<MethodologyRow> {
  const [row] = await db.select().from(methodologies).where(eq(methodologies.id, opts.id));
  if (!row) throw notFound('Методика');
  assertRegionAccess(opts.actor, row.regionId, opts.mode ?? 'read', 'Методика');
  return row;
}

/** The stored document, checked again by the schema (a document is never trusted blindly). */
export function methodologyOf(row: MethodologyRow): Methodology {
  return parseMethodology(row.document);
}

/**
 * A new version (a draft) of the methodology `basedOnId`: the same code, version = the highest + 1. The
 * document is checked by the methodology schema; its `id` and `version` are set to the stored ones.
 */
export async function createMethodologyVersion(
  db: Db,
  opts: { actor: Actor; basedOnId: string; name: string; document: unknown },
): Promise<MethodologyView> {
  const based = await getMethodologyRow(db, { actor: opts.actor, id: opts.basedOnId, mode: 'write' });
  const name = opts.name.trim();
  if (typeof opts.document !== 'object' || opts.document === null || Array.isArray(opts.document)) {
    throw invalid('Документ методики должен быть объектом JSON', [
      { field: 'document', message: 'Ожидается объект' },
    ]);
  }
  if (name === '') {
    // All the mistakes at once: the document's too, not only after the name is given.
    const noName = { field: 'name', message: 'Обязательное поле' };
    try {
      parseMethodology({ ...opts.document, id: based.code, version: 1, name: '—' });
    } catch (e) {
      if (e instanceof AppError) throw invalid(e.message, [noName, ...(e.details?.fields ?? [])]);
      throw e;
    }
    throw invalid('Укажите название версии', [noName]);
  }
  // Two operators saving at once: the unique (region, code, version) lets one win; the other takes the next.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [top] = await db
      .select({ v: max(methodologies.version) })
      .from(methodologies)
      .where(and(eq(methodologies.regionId, based.regionId), eq(methodologies.code, based.code)));
    const version = (top?.v ?? 0) + 1;
    const document = parseMethodology({ ...opts.document, id: based.code, version, name });
    const created = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(methodologies)
        .values({
          regionId: based.regionId,
          code: based.code,
          version,
          name,
          document,
          status: 'draft',
          createdBy: opts.actor.userId,
        })
        .onConflictDoNothing()
        .returning({ id: methodologies.id });
      // ON CONFLICT DO NOTHING leaves the transaction usable: the loser writes nothing and tries again.
      if (row) {
        await recordEvent(
          tx,
          opts.actor,
          'methodology.created',
          { entityType: 'methodology', entityId: row.id, orgUnitId: based.regionId },
          { code: based.code, version },
        );
      }
      return row;
    });
    if (created) return viewOf(db, created.id);
  }
  throw new Error('Не удалось сохранить версию методики: повторите попытку');
}

/** Makes the version current; the region's previous current version becomes archived. */
export async function makeMethodologyCurrent(
  db: Db,
  opts: { actor: Actor; id: string },
): Promise<MethodologyView> {
  const row = await getMethodologyRow(db, { actor: opts.actor, id: opts.id, mode: 'write' });
  if (row.status !== 'current') {
    await db.transaction(async (tx) => {
      await tx
        .update(methodologies)
        .set({ status: 'archived' })
        .where(
          and(
            eq(methodologies.regionId, row.regionId),
            eq(methodologies.status, 'current'),
            ne(methodologies.id, row.id),
          ),
        );
      await tx.update(methodologies).set({ status: 'current' }).where(eq(methodologies.id, row.id));
      await recordEvent(
        tx,
        opts.actor,
        'methodology.made_current',
        { entityType: 'methodology', entityId: row.id, orgUnitId: row.regionId },
        { code: row.code, version: row.version },
      );
    });
  }
  return viewOf(db, row.id);
}
