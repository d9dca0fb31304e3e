import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError } from '../../lib/errors.js';

// The setting of the Код ОО tests (school-code-import, school-code-edit .db.test.ts).

export const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return { code: 'OK', message: '', fields: undefined as unknown };
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message, fields: e.details?.fields };
    throw e;
  }
};

export async function unitOf(db: Db, id: string) {
  const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  if (!u) throw new Error(`no unit ${id}`);
  return u;
}

/** The fixture's schools as they were: S1 has code A-1 and INN 5800000001, S2 INN 5800000002, S3 none. */
export async function resetSchools(db: Db, f: Awaited<ReturnType<typeof buildRegion>>) {
  const fixture = [f.S1.id, f.S2.id, f.S3.id];
  await db.delete(orgUnits).where(and(eq(orgUnits.kind, 'school'), notInArray(orgUnits.id, fixture)));
  await db.update(orgUnits).set({ code: null }).where(inArray(orgUnits.id, fixture));
  const school = (id: string, name: string, inn: string | null, code: string | null) =>
    db.update(orgUnits).set({ name, inn, code, version: 1 }).where(eq(orgUnits.id, id));
  await school(f.S1.id, 'Школа 1', '5800000001', 'A-1');
  await school(f.S2.id, 'Школа 2', '5800000002', null);
  await school(f.S3.id, 'Школа 3', null, null);
  await db.delete(auditEvents);
}
