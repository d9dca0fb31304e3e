import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { files } from '../../../db/schema/files.js';
import { partnershipAgreements } from '../../../db/schema/organisation.js';
import { conflict, notFound } from '../../../lib/errors.js';
import type { Actor } from '../../access/actor.js';
import { diff } from '../../audit/events.js';
import { recordEvent } from '../../audit/record-event.js';
import { saveFile, type Upload } from '../../files/save-file.js';
import type { FileStorage } from '../../files/storage.js';
import { refreshBoundIndicators } from '../refresh-bound.js';
import { regionOfPath } from './access.js';
import { agreementView, loadPair, pairToOrganise } from './mentor-pairs.js';
import type { agreementInput, updateAgreementInput } from './schemas.js';

// The partnership agreement (сетевое соглашение / договор) of a mentor pair: kept by whoever keeps the
// pair (the region or the ШНОР's municipality); the schools read it with the pair.

export async function addAgreement(
  db: Db,
  opts: { actor: Actor; pairId: string; input: z.infer<typeof agreementInput> },
) {
  const pair = await pairToOrganise(db, opts.actor, opts.pairId);
  const { input } = opts;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnershipAgreements)
      .values({
        pairId: pair.p.id,
        kinds: [...new Set(input.kinds)],
        number: input.number ?? null,
        signedOn: input.signedOn,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
      })
      .returning();
    if (!row) throw new Error('agreement not inserted');
    await recordEvent(
      tx,
      opts.actor,
      'agreement.created',
      { entityType: 'partnership_agreement', entityId: row.id, orgUnitId: pair.p.schoolId },
      { pairId: pair.p.id, kinds: row.kinds, signedOn: row.signedOn },
    );
    await refreshBoundIndicators(tx, { regionId: regionOfPath(pair.schoolPath) });
    return agreementView(row);
  });
}

async function agreementToKeep(db: Db, actor: Actor, id: string) {
  const [a] = await db.select().from(partnershipAgreements).where(eq(partnershipAgreements.id, id));
  if (!a) throw notFound('Соглашение');
  // Seen with its pair (404 when the pair is not), changed by the pair's keeper (403).
  const pair = await pairToOrganise(db, actor, a.pairId).catch((e) => {
    if (e?.code === 'NOT_FOUND') throw notFound('Соглашение');
    throw e;
  });
  return { a, pair };
}

export async function updateAgreement(
  db: Db,
  opts: { actor: Actor; id: string; input: z.infer<typeof updateAgreementInput> },
) {
  const { a, pair } = await agreementToKeep(db, opts.actor, opts.id);
  if (a.version !== opts.input.version) throw conflict({ version: a.version });
  const { version, ...patch } = opts.input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(partnershipAgreements)
      .set({ ...patch, version: sql`${partnershipAgreements.version} + 1`, updatedAt: new Date() })
      .where(and(eq(partnershipAgreements.id, a.id), eq(partnershipAgreements.version, version)))
      .returning();
    if (!row) throw conflict();
    const changes = diff(a, patch, ['kinds', 'number', 'signedOn', 'validFrom', 'validTo']);
    if (changes.length)
      await recordEvent(
        tx,
        opts.actor,
        'agreement.updated',
        { entityType: 'partnership_agreement', entityId: a.id, orgUnitId: pair.p.schoolId },
        { changes },
      );
    await refreshBoundIndicators(tx, { regionId: regionOfPath(pair.schoolPath) });
    return agreementView(row);
  });
}

export async function deleteAgreement(db: Db, opts: { actor: Actor; id: string; version: number }) {
  const { a, pair } = await agreementToKeep(db, opts.actor, opts.id);
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(partnershipAgreements)
      .where(and(eq(partnershipAgreements.id, a.id), eq(partnershipAgreements.version, opts.version)))
      .returning();
    if (!gone) throw conflict({ version: a.version });
    await recordEvent(
      tx,
      opts.actor,
      'agreement.deleted',
      { entityType: 'partnership_agreement', entityId: a.id, orgUnitId: pair.p.schoolId },
      { pairId: a.pairId },
    );
    await refreshBoundIndicators(tx, { regionId: regionOfPath(pair.schoolPath) });
  });
}

/** The signed agreement's scan, through the files module (its content-type check and limits). */
export async function attachAgreementFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; id: string; version: number; upload: Upload; maxBytes: number },
) {
  const { a, pair } = await agreementToKeep(db, opts.actor, opts.id);
  // Two people attaching scans at once: the second is told, not silently overwritten.
  if (a.version !== opts.version) throw conflict({ version: a.version });
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: opts.actor.userId,
    maxBytes: opts.maxBytes,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(partnershipAgreements)
      .set({ fileId: file.id, version: sql`${partnershipAgreements.version} + 1`, updatedAt: new Date() })
      .where(and(eq(partnershipAgreements.id, a.id), eq(partnershipAgreements.version, opts.version)))
      .returning();
    if (!row) throw conflict();
    await recordEvent(
      tx,
      opts.actor,
      'agreement.updated',
      { entityType: 'partnership_agreement', entityId: a.id, orgUnitId: pair.p.schoolId },
      { changes: [{ field: 'file', old: a.fileId, new: file.name }] },
    );
    await refreshBoundIndicators(tx, { regionId: regionOfPath(pair.schoolPath) });
    return agreementView(row);
  });
}

/** Read by whoever sees the pair (either school's side). */
export async function readAgreementFile(db: Db, storage: FileStorage, opts: { actor: Actor; id: string }) {
  const [a] = await db.select().from(partnershipAgreements).where(eq(partnershipAgreements.id, opts.id));
  if (!a) throw notFound('Соглашение');
  await loadPair(db, opts.actor, a.pairId).catch(() => {
    throw notFound('Соглашение');
  });
  if (!a.fileId) throw notFound('Файл');
  const [file] = await db.select().from(files).where(eq(files.id, a.fileId));
  const data = file ? await storage.get(file.storageKey) : null;
  if (!file || !data) throw notFound('Файл');
  return { file, data };
}
