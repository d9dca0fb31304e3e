import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { monitoringResponses, monitorings } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { findIndicator } from '../indicators/list-indicators.js';
import { availableKinds } from './computed.js';
import { EMPTY_FORM, type MonitoringForm } from './form.js';
import { assertKeeps, type UnitRef } from './monitoring-access.js';
import { type CreateMonitoringInput, createMonitoringInput } from './monitoring-input.js';
import { resolveParticipants } from './participants.js';
import { MSG } from './strings.js';
import { templateByCode } from './templates.js';

/** The unit that is to run a monitoring: seen by the actor, a region or a municipality he keeps. */
export async function ownerFor(db: Db, actor: Actor, unitId: string): Promise<UnitRef> {
  const [owner] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unitId), pathReadable(actor, orgUnits.path)));
  if (!owner) throw notFound('Организация');
  if (owner.kind !== 'region' && owner.kind !== 'municipality') throw forbidden(MSG.ownerKind);
  assertKeeps(actor, owner);
  return owner;
}

export function checkPeriod(start: string, end: string): void {
  if (end < start) throw invalid(MSG.datesOrder, [{ field: 'periodEnd', message: MSG.datesOrder }]);
}

/** The form a new monitoring starts with: the template's, the one sent, or an empty one to build. */
function initialForm(input: CreateMonitoringInput): MonitoringForm | null {
  if (!availableKinds().includes(input.kind))
    throw invalid(MSG.kindUnavailable, [{ field: 'kind', message: MSG.kindUnavailable }]);
  const template = input.template ? templateByCode(input.template) : undefined;
  if (input.template && (!template || template.kind !== input.kind))
    throw invalid(MSG.noTemplate(input.template), [
      { field: 'template', message: MSG.noTemplate(input.template) },
    ]);
  if (input.kind !== 'form') {
    if (input.form) throw invalid(MSG.formForComputed, [{ field: 'form', message: MSG.formForComputed }]);
    return null;
  }
  return input.form ?? template?.form ?? EMPTY_FORM;
}

/** The indicators of an 'indicators' monitoring: at least one, each of the owner's region (404 otherwise). */
async function checkIndicators(db: Db, owner: UnitRef, input: CreateMonitoringInput): Promise<string[]> {
  const codes = [...new Set(input.indicatorCodes ?? [])];
  if (input.kind !== 'indicators') {
    if (codes.length > 0)
      throw invalid(MSG.indicatorsForOther, [{ field: 'indicatorCodes', message: MSG.indicatorsForOther }]);
    return [];
  }
  if (codes.length === 0)
    throw invalid(MSG.noIndicators, [{ field: 'indicatorCodes', message: MSG.noIndicators }]);
  const regionId = regionOfPath(owner.path) ?? '';
  for (const code of codes) await findIndicator(db, regionId, code);
  return codes;
}

/** A draft monitoring of a region or a municipality with its participants (response rows, not started). */
export async function createMonitoring(
  db: Db,
  opts: { actor: Actor } & CreateMonitoringInput,
): Promise<string> {
  const { actor, ...rest } = opts;
  const input = parseInput(createMonitoringInput, rest);
  const owner = await ownerFor(db, actor, input.ownerUnitId);
  checkPeriod(input.periodStart, input.periodEnd);
  const form = initialForm(input);
  const indicatorCodes = await checkIndicators(db, owner, input);
  const units = await resolveParticipants(db, owner, input.participants, input.year);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(monitorings)
      .values({
        ownerUnitId: owner.id,
        kind: input.kind,
        title: input.title,
        year: input.year,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        form,
        indicatorCodes,
        template: input.template ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: monitorings.id });
    if (!row) throw new Error('monitoring not created');
    for (let i = 0; i < units.length; i += 1000)
      await tx
        .insert(monitoringResponses)
        .values(units.slice(i, i + 1000).map((orgUnitId) => ({ monitoringId: row.id, orgUnitId })));
    await recordEvent(
      tx,
      actor,
      'monitoring.created',
      { entityType: 'monitoring', entityId: row.id, orgUnitId: owner.id },
      { title: input.title, kind: input.kind, participants: units.length },
    );
    return row.id;
  });
}
