import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { riskFactors } from '../../db/schema/risk-reference.js';
import { conflict, invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { DEFAULT_RISK_FACTORS } from './default-factors.js';
import { factorsOfYear, getRiskFactors, lockedFactorCodes } from './get-risk-factors.js';
import { requireRiskReferenceRegion } from './instrument-access.js';
import type { RiskFactorsView } from './instrument-views.js';

// «Изменить для года»: the region's whole list of factors for a year (the first save copies the defaults
// the editor started from). Names and descriptions may always change — a frozen instrument keeps its own
// copy of the names it was answered with. A factor may be added any time; it may be removed only while
// no frozen instrument used by a campaign of that year has it (its profiles are reported by that code).

export const riskFactorsInput = z.object({
  year: z.number().int('Год — целое число').min(2000, 'Год не раньше 2000').max(2100, 'Год не позже 2100'),
  /** the version of the list the editor loaded: 0 for the defaults */
  version: z.number().int().min(0),
  factors: z
    .array(
      z.object({
        code: z
          .string()
          .trim()
          .min(1, 'Укажите код фактора')
          .max(20, 'Код фактора — не длиннее 20 символов')
          .regex(/^[\p{L}\p{N}._-]+$/u, 'Код фактора — буквы, цифры, точка, дефис'),
        name: z
          .string()
          .trim()
          .min(1, 'Укажите название фактора')
          .max(500, 'Название — не длиннее 500 символов'),
        description: z.string().trim().max(3000, 'Описание — не длиннее 3000 символов'),
      }),
    )
    .min(1, 'Нужен хотя бы один фактор риска')
    .max(50, 'Не больше 50 факторов'),
});
export type RiskFactorsInput = z.infer<typeof riskFactorsInput>;

export async function saveRiskFactors(
  db: Db,
  opts: { actor: Actor; input: RiskFactorsInput },
): Promise<RiskFactorsView> {
  const regionId = requireRiskReferenceRegion(opts.actor, 'write');
  const { year, factors } = opts.input;
  const seen = new Set<string>();
  factors.forEach((f, i) => {
    if (seen.has(f.code))
      throw invalid(`Фактор ${f.code} указан дважды`, [
        { field: `factors.${i}.code`, message: 'Код повторяется' },
      ]);
    seen.add(f.code);
  });
  await db.transaction(async (tx) => {
    // One save of a region's year at a time: the version check below then sees the other's result.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`risk_factors:${regionId}:${year}`}))`);
    const current = await factorsOfYear(tx, regionId, year);
    const currentVersion = current[0]?.version ?? 0;
    if (currentVersion !== opts.input.version) throw conflict();
    const before = current.length > 0 ? current : DEFAULT_RISK_FACTORS;
    const removed = before.filter((f) => !seen.has(f.code)).map((f) => f.code);
    const locked = new Set(await lockedFactorCodes(tx, regionId, year));
    const blocked = removed.filter((c) => locked.has(c));
    if (blocked.length > 0) {
      throw invalid(
        `Нельзя убрать ${blocked.length === 1 ? 'фактор' : 'факторы'} ${blocked.join(', ')}: по ${blocked.length === 1 ? 'нему' : 'ним'} считаются профили кампаний ${year} года`,
      );
    }
    const old = new Map(before.map((f) => [f.code, f]));
    const added = factors.filter((f) => !old.has(f.code)).map((f) => f.code);
    const changed = factors
      .filter(
        (f) =>
          old.has(f.code) &&
          (old.get(f.code)?.name !== f.name || old.get(f.code)?.description !== f.description),
      )
      .map((f) => f.code);
    await tx.delete(riskFactors).where(and(eq(riskFactors.regionId, regionId), eq(riskFactors.year, year)));
    await tx.insert(riskFactors).values(
      factors.map((f, position) => ({
        regionId,
        year,
        code: f.code,
        name: f.name,
        description: f.description,
        position,
        version: currentVersion + 1,
        updatedBy: opts.actor.userId,
      })),
    );
    await recordEvent(
      tx,
      opts.actor,
      'risk_factors.saved',
      { entityType: 'risk_factors', entityId: regionId, orgUnitId: regionId },
      { year, added, removed, changed },
    );
  });
  return getRiskFactors(db, { actor: opts.actor, year });
}
