import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';
import { drizzleQuery, type ForeignKey, foreignKeys, insertOrder, tableColumns } from '../archive/catalog.js';
import { exportedTables, isExcluded, REGION_RULES, type TableRule } from './rules.js';
import { omittedColumns, selectRegion } from './select.js';

// A new table of the schema cannot be forgotten by the region export: it needs a rule — exported with a
// condition, or excluded with a written reason — and a reference from an exported table to an excluded one
// must be an omitted column (else the import would point to a row that is not there).

const rules = REGION_RULES as Record<string, TableRule>;
const schemaTables = (Object.values(schema) as unknown[])
  .flatMap((x) => (is(x, PgTable) ? [getTableName(x)] : []))
  .sort();

describe('the region export rules', () => {
  let database: Database;
  let fks: ForeignKey[];
  let columns: Map<string, string[]>;
  beforeAll(async () => {
    database = await openPglite(null);
    fks = await foreignKeys(drizzleQuery(database.db));
    columns = await tableColumns(drizzleQuery(database.db));
  });
  afterAll(() => database.close());

  it('name every table of the schema, and only those', () => {
    expect(schemaTables.length).toBeGreaterThan(90);
    expect(schemaTables.filter((t) => !(t in rules))).toEqual([]);
    expect(Object.keys(rules).filter((t) => !schemaTables.includes(t))).toEqual([]);
    // The database agrees with the schema files (a table made by a migration alone would be missed too).
    expect([...columns.keys()].filter((t) => !(t in rules))).toEqual([]);
  });

  it('give every exclusion a reason and every exported table a description', () => {
    for (const [table, rule] of Object.entries(rules)) {
      if (isExcluded(rule)) expect(rule.exclude.length, table).toBeGreaterThan(20);
      else expect(rule.what.length, table).toBeGreaterThan(3);
    }
  });

  it('omit only columns that exist, each with a reason', () => {
    for (const { table, rule } of exportedTables()) {
      const cols = columns.get(table) ?? [];
      for (const c of omittedColumns(rule)) expect(cols, `${table}.${c}`).toContain(c);
    }
  });

  it('never export a reference to an excluded table', () => {
    const exported = new Map(exportedTables().map(({ table, rule }) => [table, omittedColumns(rule)]));
    const dangling = fks.filter(
      (fk) =>
        exported.has(fk.table) &&
        !exported.has(fk.references) &&
        !(exported.get(fk.table) ?? []).includes(fk.column),
    );
    expect(dangling).toEqual([]);
  });

  it('select in an order where each condition names only tables chosen before it, and insert without cycles', async () => {
    const tables = exportedTables().map((t) => t.table);
    expect(insertOrder(tables, fks)).toHaveLength(tables.length);
    const sel = await database.db.transaction((tx) =>
      selectRegion(tx, '/00000000-0000-0000-0000-000000000000/'),
    );
    expect(sel.tables.map((t) => t.table)).toEqual(tables);
    expect(sel.tables.every((t) => t.rows === 0)).toBe(true);
  });
});
