import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { files } from '../../../db/schema/files.js';
import { organisationOrders } from '../../../db/schema/organisation.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import { forbidden, notFound } from '../../../lib/errors.js';
import { type Actor, pathReadable } from '../../access/actor.js';
import { recordEvent } from '../../audit/record-event.js';
import { saveFile, type Upload } from '../../files/save-file.js';
import type { FileStorage } from '../../files/storage.js';
import { refreshBoundIndicators } from '../refresh-bound.js';
import { regionOfPath } from './access.js';

// The orders that appoint people and pairs: typed with the act (number, date), the signed scan attached
// later through the files module (content-type checked there). Whoever sees the issuing unit reads the
// order; its own operator (region) or coordinator (municipality) attaches the file.

const orderView = (o: typeof organisationOrders.$inferSelect, fileName: string | null) => ({
  id: o.id,
  orgUnitId: o.orgUnitId,
  number: o.number,
  date: o.date,
  title: o.title,
  fileName,
  version: o.version,
});

export async function listUnitOrders(db: Db, opts: { actor: Actor; unitId: string }) {
  const [unit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, opts.unitId), pathReadable(opts.actor, orgUnits.path)));
  if (!unit) throw notFound('Организация');
  const rows = await db
    .select({ o: organisationOrders, fileName: files.name })
    .from(organisationOrders)
    .leftJoin(files, eq(files.id, organisationOrders.fileId))
    .where(eq(organisationOrders.orgUnitId, unit.id))
    .orderBy(desc(organisationOrders.date), desc(organisationOrders.createdAt));
  return rows.map((r) => orderView(r.o, r.fileName));
}

async function loadOrder(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ o: organisationOrders, path: orgUnits.path })
    .from(organisationOrders)
    .innerJoin(orgUnits, eq(orgUnits.id, organisationOrders.orgUnitId))
    .where(and(eq(organisationOrders.id, id), pathReadable(actor, orgUnits.path)));
  if (!row) throw notFound('Приказ');
  return { ...row.o, path: row.path };
}

/** The issuer's own people: the region's operator, the municipality's coordinator. */
const issues = (actor: Actor, unitId: string) =>
  actor.assignments.some(
    (a) => (a.role === 'regional_operator' || a.role === 'municipal_coordinator') && a.orgUnitId === unitId,
  );

export async function attachOrderFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; orderId: string; upload: Upload; maxBytes: number },
) {
  const order = await loadOrder(db, opts.actor, opts.orderId);
  if (!issues(opts.actor, order.orgUnitId))
    throw forbidden('Файл приказа прикладывает издавшая его организация');
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: opts.actor.userId,
    maxBytes: opts.maxBytes,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(organisationOrders)
      .set({ fileId: file.id, version: sql`${organisationOrders.version} + 1`, updatedAt: new Date() })
      .where(eq(organisationOrders.id, order.id))
      .returning();
    if (!row) throw notFound('Приказ');
    await recordEvent(
      tx,
      opts.actor,
      'organisation_order.file_attached',
      { entityType: 'organisation_order', entityId: order.id, orgUnitId: order.orgUnitId },
      { number: order.number, fileName: file.name },
    );
    // «Закрепление подтверждено нормативным актом»: a signed order may be what coverage counts.
    await refreshBoundIndicators(tx, { regionId: regionOfPath(order.path) });
    return orderView(row, file.name);
  });
}

export async function readOrderFile(db: Db, storage: FileStorage, opts: { actor: Actor; orderId: string }) {
  const order = await loadOrder(db, opts.actor, opts.orderId);
  if (!order.fileId) throw notFound('Файл');
  const [file] = await db.select().from(files).where(eq(files.id, order.fileId));
  const data = file ? await storage.get(file.storageKey) : null;
  if (!file || !data) throw notFound('Файл');
  return { file, data };
}
