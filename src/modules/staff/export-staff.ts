import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { staffMembers } from '../../db/schema/people.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import type { Actor } from '../access/actor.js';
import { staffVisible } from '../access/people-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { visibleSchool } from './access.js';
import { STAFF_COLUMNS } from './import-columns.js';
import { memberViews } from './member-rows.js';

// The registry in XLSX (the same columns as the import template, so an export can be edited and loaded
// back), and the template itself with one example row.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WIDTHS = [16, 18, 14, 18, 34, 30, 14, 8, 16, 16, 14];

/** «5–9», «1, 3, 5»: consecutive grades as ranges. */
export function gradesText(grades: number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < grades.length) {
    let j = i;
    while (j + 1 < grades.length && (grades[j + 1] ?? 0) === (grades[j] ?? 0) + 1) j++;
    out.push(j > i + 1 ? `${grades[i]}–${grades[j]}` : grades.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return out.join(', ');
}

async function workbook(rows: (string | number | null)[][], extra: string[] = []) {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Педагоги');
  const head = ws.addRow([...STAFF_COLUMNS.map(([, h]) => h), ...extra]);
  head.font = { bold: true };
  for (const r of rows) ws.addRow(r);
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function staffTemplate(): Promise<{ data: Buffer; name: string }> {
  const data = await workbook([
    [
      '0001',
      'Иванова',
      'Мария',
      'Петровна',
      'Учитель математики',
      'Математика, Алгебра',
      '5–9',
      12,
      'нет',
      'нет',
    ],
  ]);
  return { data, name: 'Шаблон реестра педагогов.xlsx' };
}

export async function exportStaff(
  db: Db,
  opts: { actor: Actor; schoolId: string },
): Promise<{ data: Buffer; name: string }> {
  const school = await visibleSchool(db, opts.actor, opts.schoolId);
  const members = await memberViews(
    db,
    and(
      eq(staffMembers.schoolId, school.id),
      staffVisible(opts.actor, sql`${school.path}`, staffMembers.userId),
    ),
    { levels: false },
  );
  const yes = (b: boolean) => (b ? 'да' : 'нет');
  const data = await workbook(
    members.map((m) => [
      m.code,
      m.lastName,
      m.firstName,
      m.middleName,
      m.position,
      m.subjects.join(', '),
      gradesText(m.grades),
      m.experienceYears,
      yes(m.isYoung),
      yes(m.newlyHired),
      m.leftOn ?? '',
    ]),
    ['Выбыл'],
  );
  // The registry's export carries the teachers' personal data: recorded (issue 17 §7).
  await recordEvent(
    db,
    opts.actor,
    'staff.exported',
    { entityType: 'org_unit', entityId: school.id, orgUnitId: school.id },
    { schoolId: school.id, rows: members.length },
  );
  return { data, name: `Педагоги — ${school.name}.xlsx` };
}
