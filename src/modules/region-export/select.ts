import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { drizzleQuery, type ForeignKey, foreignKeys, primaryKeys } from '../archive/catalog.js';
import { exportedTables, isReferenced, type ReferencedRule, type TakeRule } from './rules.js';

// The region's rows, selected once inside the export's (repeatable-read) transaction into temporary
// tables `_rx_<table>` in the order of the rules: a later rule reads the rows chosen before it, and the
// export writes each table from its temporary copy. `on commit drop`: nothing outlives the transaction.

export const tempName = (table: string) => `_rx_${table}`;

const ident = (name: string) => {
  // Names come from our rules and the catalogue, never from a request; still, only plain identifiers.
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Недопустимое имя: ${name}`);
  return `"${name}"`;
};

/** Substitutes `{region_path}`, `{table}` (its selected ids) and `{table.column}` in a rule's condition. */
export function expandCondition(condition: string, regionPath: string, selected: Set<string>): string {
  return condition.replace(/\{([a-z_]+)(?:\.([a-z_]+))?\}/g, (_, table: string, column?: string) => {
    if (table === 'region_path') {
      if (!/^[0-9a-f/-]+$/.test(regionPath)) throw new Error('Недопустимый путь организации');
      return `'${regionPath}'`;
    }
    if (!selected.has(table)) throw new Error(`Правило ссылается на ещё не выбранную таблицу ${table}`);
    return `(select ${ident(column ?? 'id')} from ${ident(tempName(table))})`;
  });
}

/** The condition of a referenced table: every id a selected row points to (its omitted columns aside). */
export function referencedCondition(
  table: string,
  rule: ReferencedRule,
  fks: ForeignKey[],
  selected: Set<string>,
  omitted: (table: string) => string[],
): string {
  const sources = fks
    .filter(
      (fk) => fk.references === table && selected.has(fk.table) && !omitted(fk.table).includes(fk.column),
    )
    .map((fk) => `select ${ident(fk.column)} from ${ident(tempName(fk.table))}`);
  const terms = [
    ...(sources.length ? [`t.id in (${sources.join(' union ')})`] : []),
    ...(rule.also ? [rule.also] : []),
  ];
  return terms.length ? terms.join(' or ') : 'false';
}

export const omittedColumns = (rule: TakeRule | ReferencedRule): string[] => [
  ...Object.keys(rule.omit ?? {}),
  ...('freshId' in rule && rule.freshId ? [rule.freshId.column] : []),
];

export type Selection = {
  tables: { table: string; rule: TakeRule | ReferencedRule; rows: number; omit: string[] }[];
  /** The rows of a table as JSON lines, in primary-key order, without the omitted columns. */
  lines: (table: string) => Promise<string[]>;
};

/** Selects the region (by its path) in `tx`; call inside a transaction. */
export async function selectRegion(tx: Db, regionPath: string): Promise<Selection> {
  const fks = await foreignKeys(drizzleQuery(tx));
  const pks = await primaryKeys(drizzleQuery(tx));
  const all = exportedTables();
  const omitOf = new Map(all.map(({ table, rule }) => [table, omittedColumns(rule)]));
  const omitted = (t: string) => omitOf.get(t) ?? [];
  const selected = new Set<string>();
  const tables: Selection['tables'] = [];
  /** A table's stub condition, expanded once its tables are selected (they are, by the time it is read). */
  const stubs = new Map<string, { unless: string; columns: string[] }>();
  for (const { table, rule } of all) {
    const condition = isReferenced(rule)
      ? referencedCondition(table, rule, fks, selected, omitted)
      : expandCondition(rule.take, regionPath, selected);
    const expanded = isReferenced(rule) ? expandCondition(condition, regionPath, selected) : condition;
    await tx.execute(
      sql.raw(
        `create temp table ${ident(tempName(table))} on commit drop as select t.* from ${ident(table)} t where ${expanded}`,
      ),
    );
    selected.add(table);
    if (isReferenced(rule) && rule.stub)
      stubs.set(table, {
        unless: expandCondition(rule.stub.unless, regionPath, selected),
        columns: rule.stub.columns,
      });
    const [n] = await queryRows<{ n: number }>(
      tx,
      sql.raw(`select count(*)::int as n from ${ident(tempName(table))}`),
    );
    tables.push({ table, rule, rows: Number(n?.n ?? 0), omit: omitted(table) });
  }
  const lines = async (table: string) => {
    const omit = omitted(table);
    const order = (pks.get(table) ?? []).map((c) => `t.${ident(c)}`).join(', ');
    const drop = omit.length ? ` - array[${omit.map((c) => `'${c}'`).join(', ')}]::text[]` : '';
    const stub = stubs.get(table);
    const whole = `to_jsonb(t)${drop}`;
    const value = stub
      ? `case when ${stub.unless} then ${whole} else jsonb_build_object(${stub.columns
          .map((c) => `'${c}', t.${ident(c)}`)
          .join(', ')}, 'is_stub', true) end`
      : whole;
    const rows = await queryRows<{ j: string }>(
      tx,
      sql.raw(
        `select (${value})::text as j from ${ident(tempName(table))} t${order ? ` order by ${order}` : ''}`,
      ),
    );
    return rows.map((r) => r.j);
  };
  return { tables, lines };
}
