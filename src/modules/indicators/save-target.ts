import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { indicatorTargets } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { bandsConsistent, levelOfKind } from './band.js';
import type { IndicatorDef } from './catalogue.js';
import { canSetTarget } from './indicator-access.js';
import { type TargetInput, type TargetPatch, targetInput, targetPatch } from './inputs.js';
import { findIndicator, worksInRegion } from './list-indicators.js';

// Targets of indicators (issue 13 §1): per level and year, for every unit of the level or one unit; green
// from `target`, yellow from `warn`. Who sets which: indicator-access.ts. One target per indicator, level,
// unit and year: a second one is refused (edit the first).

const NOT_ALLOWED =
  'Цели показателей задаёт региональный оператор; муниципальный координатор — для школ своего муниципалитета';

function checkBands(def: IndicatorDef, t: { target: number; warn: number }): void {
  if (def.unit === 'share' && [t.target, t.warn].some((v) => v < 0 || v > 1))
    throw invalid('Цель доли — от 0 до 100 %', [{ field: 'target', message: 'От 0 до 100 %' }]);
  if (!bandsConsistent(t, def.direction))
    throw invalid(
      def.direction === 'higher_better'
        ? 'Порог жёлтой зоны не может быть выше цели: для этого показателя лучше больше'
        : 'Порог жёлтой зоны не может быть ниже цели: для этого показателя лучше меньше',
      [{ field: 'warn', message: 'Порог с другой стороны цели' }],
    );
}

export async function createTarget(db: Db, opts: { actor: Actor; input: TargetInput }) {
  const input = parseInput(targetInput, opts.input);
  if (!worksInRegion(opts.actor, input.regionId)) throw notFound('Регион');
  const def = await findIndicator(db, input.regionId, input.indicatorCode);
  let unit: { path: string; kind: string } | null = null;
  if (input.orgUnitId) {
    const [u] = await db
      .select({ path: orgUnits.path, kind: orgUnits.kind })
      .from(orgUnits)
      .where(eq(orgUnits.id, input.orgUnitId));
    if (!u || regionOfPath(u.path) !== input.regionId) throw notFound('Организация');
    if (levelOfKind(u.kind) !== input.level)
      throw invalid('Организация не того уровня, для которого задаётся цель', [
        { field: 'orgUnitId', message: 'Уровень организации не совпадает' },
      ]);
    unit = u;
  }
  if (!canSetTarget(opts.actor, input.regionId, { level: input.level, unit })) throw forbidden(NOT_ALLOWED);
  checkBands(def, input);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: indicatorTargets.id })
      .from(indicatorTargets)
      .where(
        and(
          eq(indicatorTargets.regionId, input.regionId),
          eq(indicatorTargets.indicatorCode, def.code),
          eq(indicatorTargets.level, input.level),
          eq(indicatorTargets.year, input.year),
          input.orgUnitId
            ? eq(indicatorTargets.orgUnitId, input.orgUnitId)
            : isNull(indicatorTargets.orgUnitId),
        ),
      );
    if (taken) throw invalid('Цель для этого уровня, организации и года уже задана: измените её');
    const [row] = await tx
      .insert(indicatorTargets)
      .values({ ...input, indicatorCode: def.code, createdBy: opts.actor.userId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(
      tx,
      opts.actor,
      'indicator_target.created',
      { entityType: 'indicator_target', entityId: row.id, orgUnitId: row.orgUnitId ?? row.regionId },
      {
        indicatorCode: row.indicatorCode,
        level: row.level,
        orgUnitId: row.orgUnitId,
        year: row.year,
        target: row.target,
        warn: row.warn,
      },
    );
    return row;
  });
}

/** The target if the actor works in its region (404 otherwise) and may change it (403 otherwise). */
async function keptTarget(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ t: indicatorTargets, path: orgUnits.path, kind: orgUnits.kind })
    .from(indicatorTargets)
    .leftJoin(orgUnits, eq(orgUnits.id, indicatorTargets.orgUnitId))
    .where(eq(indicatorTargets.id, id));
  if (!row || !worksInRegion(actor, row.t.regionId)) throw notFound('Цель показателя');
  const unit = row.path && row.kind ? { path: row.path, kind: row.kind } : null;
  if (!canSetTarget(actor, row.t.regionId, { level: row.t.level, unit })) throw forbidden(NOT_ALLOWED);
  return row.t;
}

export async function updateTarget(db: Db, opts: { actor: Actor; id: string; patch: TargetPatch }) {
  const patch = parseInput(targetPatch, opts.patch);
  return db.transaction(async (tx) => {
    const t = await keptTarget(tx, opts.actor, opts.id);
    checkBands(await findIndicator(tx, t.regionId, t.indicatorCode), patch);
    const [row] = await tx
      .update(indicatorTargets)
      .set({ target: patch.target, warn: patch.warn, version: t.version + 1, updatedAt: new Date() })
      .where(and(eq(indicatorTargets.id, t.id), eq(indicatorTargets.version, patch.version)))
      .returning();
    if (!row) throw conflict(t);
    await recordEvent(
      tx,
      opts.actor,
      'indicator_target.updated',
      { entityType: 'indicator_target', entityId: t.id, orgUnitId: t.orgUnitId ?? t.regionId },
      { changes: diff(t, patch, ['target', 'warn']) },
    );
    return row;
  });
}

export async function deleteTarget(db: Db, opts: { actor: Actor; id: string; version: number }) {
  return db.transaction(async (tx) => {
    const t = await keptTarget(tx, opts.actor, opts.id);
    const [row] = await tx
      .delete(indicatorTargets)
      .where(and(eq(indicatorTargets.id, t.id), eq(indicatorTargets.version, opts.version)))
      .returning({ id: indicatorTargets.id });
    if (!row) throw conflict(t);
    await recordEvent(
      tx,
      opts.actor,
      'indicator_target.deleted',
      { entityType: 'indicator_target', entityId: t.id, orgUnitId: t.orgUnitId ?? t.regionId },
      { indicatorCode: t.indicatorCode, level: t.level, year: t.year },
    );
  });
}
