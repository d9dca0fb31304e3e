import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { indicatorDefinitions } from '../../db/schema/monitoring.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { BLOCKS, CATALOGUE_CODES, type IndicatorDef } from './catalogue.js';
import { keepsIndicators } from './indicator-access.js';
import { type DefinitionInput, type DefinitionPatch, definitionInput, definitionPatch } from './inputs.js';
import { ownDef, plainParams, worksInRegion } from './list-indicators.js';

// A region's own indicator (issue 13 §1): a block of the catalogue with parameters, a title, a unit, a
// direction and a definition. Kept by the regional operator; deactivated, never deleted (targets and
// reports may name it). Parameters are checked by the block's own schema, in Russian.

const NOT_KEEPER = 'Свои показатели региона ведёт региональный оператор';

function checkedParams(block: string, raw: Record<string, string | number>): Record<string, string | number> {
  const b = BLOCKS[block];
  if (!b)
    throw invalid('Такой основы показателя нет', [{ field: 'block', message: 'Выберите основу из списка' }]);
  const r = b.params.safeParse(raw);
  if (!r.success) {
    const fields = r.error.issues.map((i) => ({
      field: ['params', ...i.path].join('.'),
      message: i.message,
    }));
    throw invalid(fields[0]?.message ?? 'Неверные параметры показателя', fields);
  }
  return plainParams(r.data as Record<string, unknown>);
}

export async function createIndicatorDefinition(
  db: Db,
  opts: { actor: Actor; input: DefinitionInput },
): Promise<IndicatorDef> {
  const input = parseInput(definitionInput, opts.input);
  if (!worksInRegion(opts.actor, input.regionId)) throw notFound('Регион');
  if (!keepsIndicators(opts.actor, input.regionId)) throw forbidden(NOT_KEEPER);
  if (CATALOGUE_CODES.has(input.code))
    throw invalid('Этот код занят показателем каталога', [{ field: 'code', message: 'Код занят каталогом' }]);
  const params = checkedParams(input.block, input.params);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: indicatorDefinitions.id })
      .from(indicatorDefinitions)
      .where(
        and(eq(indicatorDefinitions.regionId, input.regionId), eq(indicatorDefinitions.code, input.code)),
      );
    if (taken)
      throw invalid('Показатель с таким кодом в регионе уже есть', [
        { field: 'code', message: 'Код уже занят' },
      ]);
    const [row] = await tx
      .insert(indicatorDefinitions)
      .values({ ...input, params, createdBy: opts.actor.userId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(
      tx,
      opts.actor,
      'indicator.created',
      { entityType: 'indicator_definition', entityId: row.id, orgUnitId: row.regionId },
      { code: row.code, title: row.title, block: row.block },
    );
    return ownDef(row);
  });
}

export async function updateIndicatorDefinition(
  db: Db,
  opts: { actor: Actor; id: string; patch: DefinitionPatch },
): Promise<IndicatorDef> {
  const patch = parseInput(definitionPatch, opts.patch);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicatorDefinitions).where(eq(indicatorDefinitions.id, opts.id));
    if (!row || !worksInRegion(opts.actor, row.regionId)) throw notFound('Показатель');
    if (!keepsIndicators(opts.actor, row.regionId)) throw forbidden(NOT_KEEPER);
    const { version, ...change } = patch;
    const next = { ...change, ...(change.params ? { params: checkedParams(row.block, change.params) } : {}) };
    const [updated] = await tx
      .update(indicatorDefinitions)
      .set({ ...next, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(indicatorDefinitions.id, row.id), eq(indicatorDefinitions.version, version)))
      .returning();
    if (!updated) throw conflict(ownDef(row));
    await recordEvent(
      tx,
      opts.actor,
      'indicator.updated',
      { entityType: 'indicator_definition', entityId: row.id, orgUnitId: row.regionId },
      { changes: diff(row, next, ['title', 'definition', 'direction', 'params', 'active']) },
    );
    return ownDef(updated);
  });
}
