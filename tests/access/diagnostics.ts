import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { deficitDiagnostics, diagnosticImports, staffMembers } from '../../src/db/schema/people.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { LOGINS, type Login, UNIT_READERS } from './scope.js';

// Helper «diagnostics» (issue 14 §1): the demo's diagnostic (the region's), an import waiting for review
// at the demo school (written here), the `teacher` account's staff record — and who sees and may act on
// each, written out by hand from src/modules/access/people-rules.ts: an expert and a teacher read no
// teachers' data (the teacher reads his own results only), the region's centre and operator run the
// region's diagnostics, a school's team imports for its own teachers.

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;
const NO_SUCH = '00000000-0000-4000-8000-000000000000';

export type DiagnosticSamples = {
  diagnosticId: string;
  importId: string;
  teacherStaffId: string;
  regionId: string;
};

export async function diagnosticSamples(
  db: Db,
  schoolId: string,
  regionId: string,
): Promise<DiagnosticSamples> {
  const [d] = await db
    .select({ id: deficitDiagnostics.id })
    .from(deficitDiagnostics)
    .where(eq(deficitDiagnostics.ownerUnitId, regionId))
    .limit(1);
  const [teacher] = await db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(and(eq(staffMembers.schoolId, schoolId), isNotNull(staffMembers.userId)))
    .limit(1);
  if (!d || !teacher) throw new Error('no demo diagnostic or teacher record');
  const [imp] = await db
    .insert(diagnosticImports)
    .values({ diagnosticId: d.id, unitId: schoolId, fileName: 'проверка доступа.csv', rows: [] })
    .returning({ id: diagnosticImports.id });
  if (!imp) throw new Error('no import');
  return { diagnosticId: d.id, importId: imp.id, teacherStaffId: teacher.id, regionId };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

const without = (list: readonly Login[], ...out: Login[]) => list.filter((l) => !out.includes(l));

export function diagnosticCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const g = s.diagnostics;
  const target = (): Target => ({ all: s, user });
  // The region's diagnostic: staff readers of the region, and of the units inside it (its teachers take it).
  const regionSees: Login[] = ['admin', 'region', 'center', 'municipality', 'curator', 'school', 'school2'];
  const schoolStaffReaders = without(UNIT_READERS.school, 'expert', 'teacher');
  switch (rule) {
    case 'deficit-scale.read':
      return [{ label: 'scale', params: {}, target: target(), sees: LOGINS, may: LOGINS }];
    case 'deficit-scale.keep':
      return [
        { label: 'scale', params: {}, target: target(), sees: LOGINS, may: ['admin', 'region', 'center'] },
      ];
    case 'diagnostic.create':
      return (['region', 'ownMunicipality', 'school'] as const).map((u) => ({
        label: u,
        params: {},
        target: { unit: s.units[u], all: s, user },
        sees: without(UNIT_READERS[u], 'expert', 'teacher'),
        may: {
          region: ['region', 'center'],
          ownMunicipality: ['region', 'center', 'municipality'],
          school: ['region', 'center', 'municipality', 'school'],
        }[u] as Login[],
      }));
    case 'diagnostic.read':
      return [
        {
          label: 'diagnostic',
          params: { id: g.diagnosticId },
          target: target(),
          sees: regionSees,
          may: regionSees,
        },
      ];
    case 'diagnostic-import.read':
      return [
        {
          label: 'import',
          params: { id: g.importId },
          target: target(),
          sees: schoolStaffReaders,
          may: schoolStaffReaders,
        },
      ];
    case 'diagnostic.keep':
      return [
        {
          label: 'diagnostic',
          params: { id: g.diagnosticId },
          target: target(),
          sees: regionSees,
          may: ['region', 'center'],
        },
      ];
    case 'diagnostic.import':
      return [
        {
          label: 'diagnostic',
          params: { id: g.diagnosticId },
          target: target(),
          sees: regionSees,
          may: ['region', 'center', 'school', 'school2'],
        },
      ];
    case 'diagnostic-import.review':
      return [
        {
          label: 'import',
          params: { id: g.importId },
          target: target(),
          sees: schoolStaffReaders,
          may: ['region', 'center', 'school'],
        },
      ];
    case 'staff-results.read': {
      const sees = [...schoolStaffReaders, 'teacher' as const];
      return [{ label: 'teacher', params: { id: g.teacherStaffId }, target: target(), sees, may: sees }];
    }
    default:
      return null;
  }
}

const csv = (text: string) => {
  const fd = new FormData();
  fd.append('file', new File([Buffer.from(text)], 'результаты.csv'));
  return fd;
};

/** Writes that change nothing: stale versions, an unknown previous diagnostic, a file without the header. */
export const DIAGNOSTIC_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'PUT /api/deficit-scale': (t) => ({
    body: {
      regionId: t.all.diagnostics.regionId,
      version: STALE,
      levels: [
        { key: 'low', name: 'низкий', minPercent: 0, needsRoute: true },
        { key: 'ok', name: 'достаточный', minPercent: 50, needsRoute: false },
      ],
    },
  }),
  'POST /api/diagnostics': (t) => ({
    body: {
      ownerUnitId: t.unit?.unitId,
      name: 'Проверка доступа',
      conductedOn: '2026-11-20',
      year: 2026,
      organiser: 'ЦНППМ',
      blocks: [{ key: 'subject', name: 'Предметный', maxScore: 10 }],
      previousId: NO_SUCH,
    },
  }),
  'PATCH /api/diagnostics/{id}': () => ({ body: { version: STALE, name: 'Проверка доступа' } }),
  'POST /api/diagnostics/{id}/imports': () => ({ body: csv('Столбец;Другой\n1;2\n') }),
  'POST /api/diagnostic-imports/{id}/apply': () => ({ body: { version: STALE, decisions: [] } }),
  'POST /api/diagnostic-imports/{id}/cancel': () => ({ query: `version=${STALE}` }),
};
