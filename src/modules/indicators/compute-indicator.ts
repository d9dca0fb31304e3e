import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { indicatorTargets } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { type Actor, pathReadable } from '../access/actor.js';
import type { UnitRef } from '../organisation/body-access.js';
import { readableChildren, readableUnitOfRegion } from '../organisation/get-coverage.js';
import type { FigureSource } from '../reports/report-model.js';
import { bandOf, type StoredTarget, targetFor } from './band.js';
import { aggregate, type Fraction } from './block.js';
import { BLOCKS, type IndicatorDef } from './catalogue.js';
import { keepsIndicators, setsSomeTargets } from './indicator-access.js';
import { findIndicator } from './list-indicators.js';
import type { FigureView, IndicatorResultView, TargetView } from './views.js';

// The value of an indicator for a unit and each unit directly below it that the actor sees (issue 13
// §1): one block query summed over the subtrees, each figure with its numerator, denominator, the target
// that applies and its colour band, and «откуда эта цифра».

export type Figures = { source: FigureSource; hasBase: boolean; fractions: Map<string, Fraction> };

/** The block's numbers of the indicator for the units (a few statements for all of them). */
export async function figuresOf(
  db: Db,
  opts: { regionId: string; year: number; def: IndicatorDef; units: { id: string }[] },
): Promise<Figures> {
  const block = BLOCKS[opts.def.block];
  if (!block) throw new Error(`unknown block ${opts.def.block}`);
  const base = await block.base(db, { regionId: opts.regionId, year: opts.year, params: opts.def.params });
  const fractions = await aggregate(db, opts.units, base.schools);
  return { source: base.source, hasBase: base.schools !== null, fractions };
}

export function figureOf(
  def: IndicatorDef,
  f: Figures,
  unit: { id: string; kind: string },
  year: number,
  targets: StoredTarget[],
): FigureView {
  const fr = f.fractions.get(unit.id) ?? { numerator: 0, denominator: 0 };
  const value = !f.hasBase
    ? null
    : def.unit === 'count'
      ? fr.numerator
      : fr.denominator > 0
        ? fr.numerator / fr.denominator
        : null;
  const t = targetFor(targets, def.code, unit, year);
  return {
    value,
    numerator: fr.numerator,
    denominator: fr.denominator,
    band: bandOf(value, t, def.direction),
    target: t ? { target: t.target, warn: t.warn } : null,
  };
}

/**
 * The region's targets (of one indicator, of one year, when told) with the names of their units; with an
 * actor, only the level-wide ones and those of units he sees (a school's target names the school).
 */
export async function loadTargets(
  db: Db,
  regionId: string,
  filter: { code?: string; year?: number; actor?: Actor } = {},
): Promise<TargetView[]> {
  const rows = await db
    .select({ t: indicatorTargets, unitName: orgUnits.name })
    .from(indicatorTargets)
    .leftJoin(orgUnits, eq(orgUnits.id, indicatorTargets.orgUnitId))
    .where(
      and(
        eq(indicatorTargets.regionId, regionId),
        filter.code ? eq(indicatorTargets.indicatorCode, filter.code) : undefined,
        filter.year ? eq(indicatorTargets.year, filter.year) : undefined,
        filter.actor
          ? or(isNull(indicatorTargets.orgUnitId), pathReadable(filter.actor, orgUnits.path) as SQL)
          : undefined,
      ),
    );
  return rows.map(({ t, unitName }) => targetRowView(t, unitName));
}

export const targetRowView = (
  t: typeof indicatorTargets.$inferSelect,
  unitName: string | null,
): TargetView => ({
  id: t.id,
  indicatorCode: t.indicatorCode,
  level: t.level,
  orgUnitId: t.orgUnitId,
  orgUnitName: unitName,
  year: t.year,
  target: t.target,
  warn: t.warn,
  version: t.version,
});

const ref = (u: UnitRef) => ({ id: u.id, name: u.name, kind: u.kind });

/** The unit's parent if the actor sees it (the way up of the drill-down). */
async function readableParent(db: Db, actor: Actor, unit: UnitRef) {
  if (!unit.parentId) return null;
  const [p] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unit.parentId), pathReadable(actor, orgUnits.path) as SQL));
  return p ?? null;
}

export async function computeIndicator(
  db: Db,
  opts: { actor: Actor; code: string; unitId: string; year: number },
): Promise<IndicatorResultView> {
  const unit = await readableUnitOfRegion(db, opts.actor, opts.unitId);
  const def = await findIndicator(db, unit.regionId, opts.code);
  const children = await readableChildren(db, opts.actor, unit.id);
  const f = await figuresOf(db, {
    regionId: unit.regionId,
    year: opts.year,
    def,
    units: [unit, ...children],
  });
  const targets = await loadTargets(db, unit.regionId, {
    code: def.code,
    year: opts.year,
    actor: opts.actor,
  });
  const fig = (u: UnitRef) => ({ unit: ref(u), figure: figureOf(def, f, u, opts.year, targets) });
  return {
    indicator: def,
    regionId: unit.regionId,
    year: opts.year,
    source: f.source,
    unit: fig(unit),
    parent: await readableParent(db, opts.actor, unit),
    children: children.map(fig),
    targets,
    canSetTargets: setsSomeTargets(opts.actor, unit.regionId, unit.path),
    canKeepIndicator: def.own !== null && keepsIndicators(opts.actor, unit.regionId),
  };
}
