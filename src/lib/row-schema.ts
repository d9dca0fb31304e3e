import { type Column, getTableColumns, type Table } from 'drizzle-orm';
import { z } from 'zod';

/** A value as it leaves `c.json`: dates become ISO strings, the rest keeps its JSON shape. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

function columnSchema(col: Column): z.ZodType {
  const enumValues = col.enumValues;
  let s: z.ZodType;
  if (enumValues && enumValues.length > 0) s = z.string();
  else if (col.columnType === 'PgUUID') s = z.uuid();
  else if (col.dataType === 'date') s = z.iso.datetime({ offset: true });
  else if (col.columnType === 'PgDateString') s = z.iso.date();
  else if (col.dataType === 'number') {
    s = col.columnType === 'PgInteger' || col.columnType === 'PgSmallInt' ? z.number().int() : z.number();
  } else if (col.dataType === 'bigint') s = z.union([z.number(), z.string()]);
  else if (col.dataType === 'boolean') s = z.boolean();
  else if (col.dataType === 'array' && 'baseColumn' in col)
    s = z.array(columnSchema(col.baseColumn as Column));
  else if (col.dataType === 'string') s = z.string();
  else s = z.unknown();
  return col.notNull ? s : s.nullable();
}

/**
 * The JSON shape of a whole table row, as operations return it straight from `.returning()`.
 * Derived from the Drizzle table, so the row type has one definition; `overrides` narrow columns
 * (enums kept as `text` in the database) for the document.
 */
export function rowSchema<T extends Table, O extends string = never>(
  table: T,
  overrides: Record<string, z.ZodType> = {},
  omit: readonly O[] = [],
): z.ZodType<Omit<Jsonified<T['$inferSelect']>, O>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, col] of Object.entries(getTableColumns(table))) {
    if ((omit as readonly string[]).includes(key)) continue;
    shape[key] = overrides[key] ?? columnSchema(col);
  }
  return z.object(shape) as unknown as z.ZodType<Omit<Jsonified<T['$inferSelect']>, O>>;
}
