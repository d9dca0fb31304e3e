import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { IndicatorUnit } from '../../db/schema/values.js';
import type { FigureSource } from '../reports/report-model.js';

// A building block of the indicators' catalogue (issue 13 §1): a parametrised query that gives, for a
// region and a year, per school its numerator and denominator; a unit's figure is the sum over the
// schools of its subtree (`aggregate`), so a region, its municipalities and a school are one statement.
// The same block lists the rows behind a school's figure («данные за цифрой»).

export type BlockContext<P> = { regionId: string; year: number; params: P };

/** What a block counts for a year: the per-school SQL (null when its base is missing) and its source. */
export type BlockBase = {
  /** columns: id, path, num, den — one row per school of the region that has something to count */
  schools: SQL | null;
  source: FigureSource;
};

/** The rows behind one school's figure, each figure of them explained by `source`. */
export type DataTable = {
  title: string;
  columns: string[];
  rows: string[][];
  source: FigureSource;
};

export type Block<P> = {
  code: string;
  /** for the form of a region's own indicator */
  title: string;
  unit: IndicatorUnit;
  params: z.ZodType<P>;
  base(db: Db, ctx: BlockContext<P>): Promise<BlockBase>;
  data(db: Db, ctx: BlockContext<P> & { schoolId: string }): Promise<DataTable>;
};

/**
 * A block as the registry keeps it, whatever its parameters: they come in as stored and are checked by the
 * block's own schema before it runs, so the registry needs no `any`.
 */
export type RegisteredBlock = Block<unknown>;
export const registered = <P>(b: Block<P>): RegisteredBlock => ({
  ...b,
  base: (db, ctx) => b.base(db, { ...ctx, params: b.params.parse(ctx.params) }),
  data: (db, ctx) => b.data(db, { ...ctx, params: b.params.parse(ctx.params) }),
});

export type Fraction = { unitId: string; numerator: number; denominator: number };

export const rowsOf = async <T>(db: Db, q: SQL): Promise<T[]> =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/** Sums a block's school rows over each unit's subtree (a unit with no rows gets 0 of 0). */
export async function aggregate(
  db: Db,
  units: { id: string }[],
  schools: SQL | null,
): Promise<Map<string, Fraction>> {
  const out = new Map(units.map((u) => [u.id, { unitId: u.id, numerator: 0, denominator: 0 }]));
  if (!schools || units.length === 0) return out;
  const ids = sql.join(
    units.map((u) => sql`${u.id}::uuid`),
    sql`, `,
  );
  const rows = await rowsOf<Fraction>(
    db,
    sql`with u as (select id, path from org_units where id in (${ids})), s as (${schools})
      select u.id as "unitId", coalesce(sum(s.num), 0)::float8 as numerator,
        coalesce(sum(s.den), 0)::float8 as denominator
      from u left join s on s.path like u.path || '%' group by u.id`,
  );
  for (const r of rows) out.set(r.unitId, r);
  return out;
}

/** The region's schools condition: `alias.path` inside the region. */
export const inRegion = (alias: string, regionId: string): SQL =>
  sql`${sql.raw(alias)}.path like ${`/${regionId}/%`}`;

/** «12,5 %» for a share 0…1 in a data table. */
export const pct = (n: number, d: number): string =>
  d > 0 ? `${String(Math.round((1000 * n) / d) / 10).replace('.', ',')} %` : '—';

export const yesNo = (b: boolean): string => (b ? 'да' : 'нет');

/** ДД.ММ.ГГГГ from an ISO date. */
export const ruDate = (iso: string | null): string =>
  iso ? iso.slice(0, 10).split('-').reverse().join('.') : '—';
