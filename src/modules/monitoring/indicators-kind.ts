import type { Db } from '../../db/client.js';
import { regionOfPath } from '../access/region-level.js';
import { BAND_LABELS } from '../indicators/band.js';
import { figureOf, figuresOf, loadTargets } from '../indicators/compute-indicator.js';
import { findIndicator } from '../indicators/list-indicators.js';
import type { ComputeArgs, ComputedDetail, ComputedTable } from './computed.js';

// A monitoring of chosen indicators (issue 13 §2: «indicators computed from data already in the system»):
// for each participant, the value of each indicator of the catalogue or the region's own — the same block
// queries, targets and colour bands as the page «Показатели» (indicators/compute-indicator.ts).

/** Shares as they are; counts and means rounded for the table. */
const rounded = (v: number | null, unit: string) =>
  v === null || unit === 'share' ? v : Math.round(v * 100) / 100;

async function figures(db: Db, args: ComputeArgs) {
  const regionId = args.units[0] ? regionOfPath(args.units[0].path) : null;
  if (!regionId) return null;
  const targets = await loadTargets(db, regionId, { year: args.year });
  return Promise.all(
    args.indicatorCodes.map(async (code) => {
      const def = await findIndicator(db, regionId, code);
      const f = await figuresOf(db, { regionId, year: args.year, def, units: args.units });
      const of = (u: { id: string; kind: string }) => figureOf(def, f, u, args.year, targets);
      return { def, source: f.source, of };
    }),
  );
}

export async function indicatorsTable(db: Db, args: ComputeArgs): Promise<ComputedTable> {
  const all = (await figures(db, args)) ?? [];
  return {
    columns: all.map(({ def }) => ({
      key: def.code,
      label: def.title,
      unit: def.unit === 'share' ? 'share' : 'count',
    })),
    rows: args.units.map((u) => ({
      unitId: u.id,
      values: Object.fromEntries(all.map(({ def, of }) => [def.code, rounded(of(u).value, def.unit)])),
    })),
    note:
      `Показатели ${args.year} года по данным системы: те же правила, цели и цветовые полосы, что на странице ` +
      '«Показатели»; откройте участника, чтобы увидеть числитель, знаменатель и откуда цифра',
  };
}

/** A participant's indicators with numerator, denominator, target, band and the rule behind each. */
export async function indicatorsOfUnit(
  db: Db,
  args: ComputeArgs & { unit: { id: string; path: string; kind: string } },
): Promise<ComputedDetail> {
  const all = (await figures(db, { ...args, units: [args.unit] })) ?? [];
  return {
    columns: [
      { key: 'indicator', label: 'Показатель' },
      { key: 'value', label: 'Значение' },
      { key: 'numerator', label: 'Числитель' },
      { key: 'denominator', label: 'Знаменатель' },
      { key: 'target', label: 'Цель' },
      { key: 'band', label: 'Оценка' },
      { key: 'rule', label: 'Откуда эта цифра' },
    ],
    rows: all.map(({ def, source, of }) => {
      const f = of(args.unit);
      return {
        indicator: def.title,
        value: rounded(f.value, def.unit),
        numerator: f.numerator,
        denominator: f.denominator,
        target: f.target?.target ?? null,
        band: BAND_LABELS[f.band],
        rule: `${source.data}; ${source.rule}; ${source.year}`,
      };
    }),
  };
}
