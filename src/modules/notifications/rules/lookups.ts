import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { queryRows } from '../../../db/rows.js';

// Small reads the rules share: names for the texts of notices.

export async function unitNameOf(tx: Db, unitId: string | null | undefined): Promise<string> {
  if (!unitId) return '';
  const [u] = await queryRows<{ name: string }>(tx, sql`select name from org_units where id = ${unitId}`);
  return u?.name ?? '';
}

/** «Школа 1: текст» — the unit first, when known. */
export const withUnit = (unit: string, text: string) => (unit ? `${unit}: ${text}` : text);

/** A comment of a reviewer as the tail of a body. */
export const commentTail = (comment: string | null | undefined) =>
  comment ? ` Комментарий: «${comment}».` : '';
