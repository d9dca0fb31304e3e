import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { monitoringResponses, monitorings } from '../../db/schema/monitoring.js';
import type { MonitoringStatus } from '../../db/schema/values.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor, AnyActor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { fieldsOf, formSchema } from './form.js';
import { assertKeeps, loadMonitoring } from './monitoring-access.js';
import { versionInput } from './monitoring-input.js';
import { MSG } from './strings.js';

// draft → open (the form is frozen: nothing edits it any more) → closed (no more filling; the answers stay).

export async function openMonitoring(
  db: Db,
  opts: { actor: Actor; monitoringId: string; version: number },
): Promise<void> {
  const { version } = parseInput(versionInput, { version: opts.version });
  const { monitoring, owner } = await loadMonitoring(db, opts.actor, opts.monitoringId);
  assertKeeps(opts.actor, owner);
  if (monitoring.version !== version) throw conflict();
  if (monitoring.status !== 'draft') throw invalid(MSG.notOpenable);
  const fields = monitoring.form ? fieldsOf(formSchema.parse(monitoring.form)).length : 0;
  if (monitoring.kind === 'form' && fields === 0) throw invalid(MSG.emptyForm);
  await db.transaction((tx) =>
    moveInTx(tx, opts.actor, monitoring.id, owner.id, version, 'draft', 'open', fields),
  );
}

export async function closeMonitoring(
  db: Db,
  opts: { actor: Actor; monitoringId: string; version: number },
): Promise<void> {
  const { version } = parseInput(versionInput, { version: opts.version });
  const { monitoring, owner } = await loadMonitoring(db, opts.actor, opts.monitoringId);
  assertKeeps(opts.actor, owner);
  if (monitoring.version !== version) throw conflict();
  if (monitoring.status !== 'open') throw invalid(MSG.notClosable);
  await db.transaction((tx) =>
    moveInTx(tx, opts.actor, monitoring.id, owner.id, version, 'open', 'closed', 0),
  );
}

/** The step itself (also the demo's): status with the version check, and its event. */
export async function moveInTx(
  tx: Db,
  actor: AnyActor,
  monitoringId: string,
  ownerId: string,
  version: number,
  from: MonitoringStatus,
  to: MonitoringStatus,
  fields: number,
): Promise<void> {
  const [row] = await tx
    .update(monitorings)
    .set({ status: to, version: version + 1, updatedAt: new Date() })
    .where(
      and(eq(monitorings.id, monitoringId), eq(monitorings.version, version), eq(monitorings.status, from)),
    )
    .returning({ id: monitorings.id });
  if (!row) throw conflict();
  const target = { entityType: 'monitoring' as const, entityId: monitoringId, orgUnitId: ownerId };
  if (to === 'open') {
    const [n] = await tx
      .select({ n: count() })
      .from(monitoringResponses)
      .where(eq(monitoringResponses.monitoringId, monitoringId));
    if (!n?.n) throw invalid(MSG.noParticipants);
    await recordEvent(tx, actor, 'monitoring.opened', target, { participants: n.n, fields });
    return;
  }
  const [n] = await tx
    .select({ n: count() })
    .from(monitoringResponses)
    .where(
      and(
        eq(monitoringResponses.monitoringId, monitoringId),
        inArray(monitoringResponses.status, ['not_started', 'draft', 'returned']),
      ),
    );
  await recordEvent(tx, actor, 'monitoring.closed', target, { notSubmitted: n?.n ?? 0 });
}
