import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { staffMembers } from '../../db/schema/people.js';
import { conflict, invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { parseTable } from '../orgs/parse-table.js';
import { refreshPeopleBoundOf } from '../people-coverage/refresh-people-bound.js';
import { fullName, schoolToKeep } from './access.js';
import {
  findStaffHeader,
  normPerson,
  parseExperience,
  parseGrades,
  parseSubjects,
  parseYesNo,
  type StaffField,
} from './import-columns.js';
import { STAFF_COUNTED, STAFF_MSG } from './strings.js';
import type { staffImportView } from './views.js';

// Import of a school's staff from XLSX/CSV (issue 14 §1). The file is parsed off the event loop
// (orgs/parse-table.ts → files/parse-pool.ts). Each row is matched to the school's registry by code, else
// by ФИО (when exactly one record has it) and updates it; other rows are added. A dry run returns the
// report; the import writes only a file without a single bad row, in one transaction with one event.

export const STAFF_MAX_ROWS = 3000;
type Report = z.infer<typeof staffImportView>;
type Existing = typeof staffMembers.$inferSelect;

type Parsed = {
  row: number;
  code: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  position: string;
  subjects: string[] | undefined;
  grades: number[] | undefined;
  experienceYears: number | null | undefined;
  isYoung: boolean | undefined;
  newlyHired: boolean | undefined;
};

const personKey = (p: { lastName: string; firstName: string; middleName: string | null }) =>
  normPerson(`${p.lastName} ${p.firstName} ${p.middleName ?? ''}`);

export async function importStaff(
  db: Db,
  opts: { actor: Actor; schoolId: string; fileName: string; data: Uint8Array; dryRun: boolean },
): Promise<Report> {
  const { actor, fileName, dryRun } = opts;
  const school = await schoolToKeep(db, actor, opts.schoolId);
  const table = await parseTable(fileName, opts.data, { maxRows: STAFF_MAX_ROWS + 10 });
  const header = findStaffHeader(table.rows);
  if (!header) throw invalid(STAFF_MSG.headerMissing);
  const dataRows = table.rows.slice(header.at + 1);
  if (table.truncated || dataRows.length > STAFF_MAX_ROWS)
    throw invalid(STAFF_COUNTED.tooManyRows.render(STAFF_MAX_ROWS));
  if (dataRows.length === 0) throw invalid(STAFF_MSG.noRows);

  const existing = await db.select().from(staffMembers).where(eq(staffMembers.schoolId, school.id));
  const byCode = new Map(existing.filter((e) => e.code).map((e) => [normPerson(e.code ?? ''), e]));
  const byName = new Map<string, Existing[]>();
  for (const e of existing) byName.set(personKey(e), [...(byName.get(personKey(e)) ?? []), e]);

  const rows: Report['rows'] = [];
  const plan: { parsed: Parsed; match: Existing | null }[] = [];
  const seen = new Map<string, number>();
  const matchedIds = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const cell = (f: StaffField) => {
      const i = header.index[f];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const errors: string[] = [];
    let [lastName = '', firstName = '', ...rest] = [cell('lastName'), cell('firstName'), cell('middleName')];
    let middleName: string | null = rest[0] || null;
    if (header.index.fullName !== undefined && cell('fullName')) {
      const parts = cell('fullName').split(/\s+/);
      [lastName = '', firstName = ''] = parts;
      middleName = parts.slice(2).join(' ') || null;
    }
    const name = [lastName, firstName, middleName].filter(Boolean).join(' ');
    if (!lastName || !firstName) errors.push('Не указаны фамилия и имя');
    if (name.length > 300) errors.push('ФИО слишком длинное');
    const position = cell('position');
    if (!position) errors.push('Не указана должность');
    else if (position.length > 200) errors.push('Должность слишком длинная');
    const code = cell('code') || null;
    if (code && code.length > 50) errors.push('Код слишком длинный');
    const opt = <T>(f: StaffField, parse: (s: string) => T, bad: (v: T) => boolean, message: string) => {
      if (header.index[f] === undefined) return undefined;
      const v = parse(cell(f));
      if (bad(v)) {
        errors.push(`${message}: «${cell(f)}»`);
        return undefined;
      }
      return v;
    };
    const grades =
      opt('grades', parseGrades, (v) => v === null, 'Классы не распознаны (пример: 5–9 или 1,2,3)') ??
      undefined;
    const experienceYears = opt(
      'experience',
      parseExperience,
      (v) => v === undefined,
      'Стаж не распознан (число лет)',
    );
    const isYoung = opt('young', parseYesNo, (v) => v === null, 'Молодой педагог — да или нет') ?? undefined;
    const newlyHired =
      opt('newlyHired', parseYesNo, (v) => v === null, 'Вновь принятый — да или нет') ?? undefined;
    const subjects = header.index.subjects === undefined ? undefined : parseSubjects(cell('subjects'));
    if (subjects?.some((s) => s.length > 100)) errors.push('Название предмета слишком длинное');
    const parsed: Parsed = {
      row,
      code,
      lastName,
      firstName,
      middleName,
      position,
      subjects,
      grades: grades ?? undefined,
      experienceYears,
      isYoung,
      newlyHired,
    };
    // Code first; a code not in the registry is a new teacher unless his ФИО names exactly one record without a code.
    let match: Existing | null = null;
    let matchedBy: 'code' | 'name' | null = null;
    if (code) {
      match = byCode.get(normPerson(code)) ?? null;
      if (match) matchedBy = 'code';
    }
    if (!match && lastName && firstName) {
      const found = (byName.get(personKey(parsed)) ?? []).filter((e) => !code || !e.code);
      if (found.length === 1) {
        match = found[0] ?? null;
        matchedBy = 'name';
      } else if (found.length > 1)
        errors.push('В реестре несколько педагогов с таким ФИО: укажите табельный номер');
    }
    const key = code ? `код ${normPerson(code)}` : `ФИО ${personKey(parsed)}`;
    const twin = seen.get(key);
    if (twin !== undefined) errors.push(`Повтор строки ${twin} (${code ? 'тот же код' : 'то же ФИО'})`);
    else seen.set(key, row);
    if (match) {
      const other = matchedIds.get(match.id);
      if (other !== undefined) errors.push(`Тот же педагог, что в строке ${other}`);
      else matchedIds.set(match.id, row);
    }
    const error = errors.length ? errors.join('; ') : null;
    rows.push({
      row,
      fullName: name,
      position,
      action: error ? null : match ? 'update' : 'create',
      matchedBy: error ? null : matchedBy,
      error,
    });
    plan.push({ parsed, match });
  }
  const errors = rows.filter((r) => r.error).length;
  const created = rows.filter((r) => r.action === 'create').length;
  const updated = rows.filter((r) => r.action === 'update').length;
  const report = (written: boolean, message: string): Report => ({
    dryRun,
    fileName,
    columns: Object.entries(header.label).map(([field, h]) => ({ field, header: h ?? '' })),
    rows,
    total: rows.length,
    errors,
    created: errors ? 0 : created,
    updated: errors ? 0 : updated,
    written,
    message,
  });
  const summary = `${STAFF_COUNTED.created.render(created)}, ${STAFF_COUNTED.updated.render(updated)}`;
  if (errors) return report(false, STAFF_COUNTED.importErrors.render(errors));
  if (dryRun) return report(false, `${STAFF_MSG.noErrors} ${summary}.`);

  await db.transaction(async (tx) => {
    for (const { parsed: p, match } of plan) {
      const fields = {
        lastName: p.lastName,
        firstName: p.firstName,
        middleName: p.middleName,
        position: p.position,
        ...(p.subjects !== undefined ? { subjects: p.subjects } : {}),
        ...(p.grades !== undefined ? { grades: p.grades } : {}),
        ...(p.experienceYears !== undefined ? { experienceYears: p.experienceYears } : {}),
        ...(p.isYoung !== undefined ? { isYoung: p.isYoung } : {}),
        ...(p.newlyHired !== undefined ? { newlyHired: p.newlyHired } : {}),
      };
      if (match) {
        const [row] = await tx
          .update(staffMembers)
          .set({
            ...fields,
            ...(p.code ? { code: p.code } : {}),
            version: sql`${staffMembers.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(staffMembers.id, match.id), eq(staffMembers.version, match.version)))
          .returning({ id: staffMembers.id });
        // Changed by someone between the read and the write: nothing of the file is kept.
        if (!row) throw conflict();
      } else {
        await tx.insert(staffMembers).values({ schoolId: school.id, code: p.code, ...fields });
      }
    }
    await recordEvent(
      tx,
      actor,
      'staff.imported',
      { entityType: 'org_unit', entityId: school.id, orgUnitId: school.id },
      { fileName, created, updated },
    );
    await refreshPeopleBoundOf(tx, school.id);
  });
  return report(true, `Загружено. ${summary}.`);
}

export { fullName };
