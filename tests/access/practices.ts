import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { users } from '../../src/db/schema/auth.js';
import { orgUnits } from '../../src/db/schema/orgs.js';
import { practiceFiles, practices } from '../../src/db/schema/practices.js';
import { saveFile } from '../../src/modules/files/save-file.js';
import { databaseStorage } from '../../src/modules/files/storage.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { LOGINS, type Login } from './scope.js';

// Helper «practices» (issue 15 §2): the demo's practices the matrix calls the bank's endpoints on, and who
// sees and may act on each — written out by hand from practices/practice-access.ts.

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;
const NO_FILE = '00000000-0000-4000-8000-000000000000';

export type PracticeSamples = {
  /** the published practice of the `municipality` account's district (author: the municipality) */
  publishedId: string;
  publishedFileId: string;
  /** the draft of `school` */
  draftId: string;
  /** a school of the first municipality's practice awaiting the `municipality` account's review */
  submittedId: string;
  /** the practice of `school2` returned for rework */
  returnedId: string;
};

export async function practiceSamples(db: Db, municipalityId: string, schoolId: string, school2Id: string) {
  const one = async (status: string, where: ReturnType<typeof eq>) => {
    const [row] = await db
      .select({ id: practices.id })
      .from(practices)
      .innerJoin(orgUnits, eq(orgUnits.id, practices.authorUnitId))
      .where(and(sql`${practices.status} = ${status}`, where))
      .orderBy(asc(practices.id))
      .limit(1);
    if (!row) throw new Error(`no demo practice ${status}`);
    return row.id;
  };
  const publishedId = await one('published', eq(practices.authorUnitId, municipalityId));
  const [author] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'municipality'));
  const file = await saveFile(db, databaseStorage(db), {
    upload: { name: 'материалы.pdf', data: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') },
    userId: author?.id ?? '',
    maxBytes: 1 << 20,
  });
  const [pf] = await db
    .insert(practiceFiles)
    .values({ practiceId: publishedId, fileId: file.id, title: 'Материалы (проверка доступа)' })
    .returning({ id: practiceFiles.id });
  return {
    publishedId,
    publishedFileId: pf?.id ?? '',
    draftId: await one('draft', eq(practices.authorUnitId, schoolId)),
    submittedId: await one('submitted', eq(orgUnits.parentId, municipalityId)),
    returnedId: await one('returned', eq(practices.authorUnitId, school2Id)),
  };
}

/**
 * Published practices are read by the whole region: their authors' names (and their municipalities')
 * are public with them, so they are not foreign content of any answer.
 */
export async function withoutPublishedAuthors(db: Db, foreign: Record<Login, string[]>) {
  const rows = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      parentId: orgUnits.parentId,
      parent: sql<string | null>`(select p.name from org_units p where p.id = ${orgUnits.parentId})`,
    })
    .from(practices)
    .innerJoin(orgUnits, eq(orgUnits.id, practices.authorUnitId))
    .where(eq(practices.status, 'published'));
  // Names and ids: the card names its author and its municipality (the bank filters by it).
  const open = new Set(
    rows.flatMap((r) => [r.id, r.name, ...(r.parent && r.parentId ? [r.parent, r.parentId] : [])]),
  );
  return Object.fromEntries(
    Object.entries(foreign).map(([login, marks]) => [login, marks.filter((m) => !open.has(m))]),
  ) as Record<Login, string[]>;
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

const ALL: Login[] = [...LOGINS];
// A school's practice on the path: its municipality, the region's operator and centre, the admin.
const SUBMITTED_SEES: Login[] = ['admin', 'region', 'center', 'municipality'];
const RETURNED_SEES: Login[] = ['admin', 'region', 'center', 'school2'];
const SCHOOL_SEES: Login[] = [
  'admin',
  'region',
  'center',
  'expert',
  'municipality',
  'curator',
  'school',
  'teacher',
];
const MUNICIPALITY_SEES: Login[] = ['admin', 'region', 'center', 'expert', 'municipality'];

export function practiceCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const p = s.practices;
  const target = (unit?: Target['unit']): Target => ({ unit, all: s, user });
  const on = (label: string, id: string, sees: Login[], may: Login[]): Case => ({
    label,
    // Reading a material needs one: only the published practice has it (the others are no case there).
    params: label === 'published' ? { id, fileId: p.publishedFileId } : { id },
    target: target(),
    sees,
    may,
  });
  switch (rule) {
    case 'practice.create':
      return [
        { label: 'school', params: {}, target: target(s.units.school), sees: SCHOOL_SEES, may: ['school'] },
        {
          label: 'ownMunicipality',
          params: {},
          target: target(s.units.ownMunicipality),
          sees: MUNICIPALITY_SEES,
          may: ['municipality'],
        },
      ];
    case 'practice.read':
      return [
        on('published', p.publishedId, ALL, ALL),
        on('draft', p.draftId, ['school'], ['school']),
        on('submitted', p.submittedId, SUBMITTED_SEES, SUBMITTED_SEES),
        on('returned', p.returnedId, RETURNED_SEES, RETURNED_SEES),
      ];
    case 'practice.author':
      // Removing a material: the stale version answers 409 before the (absent) material is looked up.
      return [
        { ...on('draft', p.draftId, ['school'], ['school']), params: { id: p.draftId, fileId: NO_FILE } },
        {
          ...on('returned', p.returnedId, RETURNED_SEES, ['school2']),
          params: { id: p.returnedId, fileId: NO_FILE },
        },
      ];
    case 'practice.review':
      return [on('submitted', p.submittedId, SUBMITTED_SEES, ['region', 'center', 'municipality'])];
    case 'practice.withdraw':
      return [on('published', p.publishedId, ALL, ['region', 'center', 'municipality'])];
    case 'practice.reviewer':
      return [
        {
          label: 'reviewer',
          params: {},
          target: target(),
          sees: ALL,
          may: ['region', 'center', 'municipality'],
        },
      ];
    default:
      return null;
  }
}

/** Writes change nothing: stale versions (409), an unknown risk factor for a new practice (400). */
export const PRACTICE_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'POST /api/practices': (t) => ({
    body: {
      authorUnitId: t.unit?.unitId,
      title: 'Проверка доступа',
      year: 2025,
      problem: '',
      actions: '',
      results: '',
      figures: [],
      riskFactors: ['нет-такого-фактора'],
      subjects: [],
      levels: [],
      contact: '',
    },
  }),
  'PATCH /api/practices/{id}': () => ({ body: { version: STALE, title: 'Проверка доступа' } }),
  'POST /api/practices/{id}/submit': () => ({ body: { version: STALE } }),
  'POST /api/practices/{id}/review': () => ({
    body: { version: STALE, decision: 'return', comment: 'Проверка доступа', criteria: [] },
  }),
  'POST /api/practices/{id}/publish': () => ({ body: { version: STALE } }),
  'POST /api/practices/{id}/withdraw': () => ({ body: { version: STALE, reason: 'Проверка доступа' } }),
  'POST /api/practices/{id}/files': () => {
    const fd = new FormData();
    fd.append('file', new File([Buffer.from('%PDF-1.4\n%%EOF\n')], 'проверка.pdf'));
    return { query: `version=${STALE}`, body: fd };
  },
  'DELETE /api/practices/{id}/files/{fileId}': () => ({ query: `version=${STALE}` }),
};
