import { and, asc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { SCHOOL_DOCUMENT_STATUSES } from '../../db/schema/values.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { summaryOf } from './get-document.js';

export const listDocumentsQuery = z.object({
  schoolId: z.uuid({ message: 'Неверный идентификатор школы' }).optional(),
  year: z.coerce
    .number({ message: 'Год — число' })
    .int('Год — целое число')
    .min(2000, 'Год не раньше 2000')
    .max(2100, 'Год не позже 2100')
    .optional(),
  status: z.enum(SCHOOL_DOCUMENT_STATUSES, { message: 'Неизвестный статус документа' }).optional(),
});
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuery>;

/** Access: anyone signed in; the documents of the schools he reads (a school: only its own). */
export async function listDocuments(db: Db, opts: { actor: Actor; query: ListDocumentsQuery }) {
  const q = opts.query;
  const where: SQL[] = [pathReadable(opts.actor, orgUnits.path)];
  if (q.schoolId) where.push(eq(schoolDocuments.schoolId, q.schoolId));
  if (q.year) where.push(eq(schoolDocuments.year, q.year));
  if (q.status) where.push(eq(schoolDocuments.status, q.status));
  const rows = await db
    .select({ doc: schoolDocuments, schoolName: orgUnits.name })
    .from(schoolDocuments)
    .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
    .where(and(...where))
    .orderBy(asc(orgUnits.name), asc(schoolDocuments.kind), asc(schoolDocuments.factorCode))
    .limit(2000);
  return rows.map((r) => summaryOf(r.doc, r.schoolName));
}
