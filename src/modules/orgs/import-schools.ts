import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError, forbidden, type RowError } from '../../lib/errors.js';
import { type Actor, isAdmin } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { parseTable } from './parse-table.js';
import { orgUnitFields } from './schemas.js';
import { check, normCode, normName, OPTIONAL_FIELDS, parseCell, type Values } from './school-cells.js';
import { codeHolders, codeTakenMessage } from './school-code.js';
import { type Field, findHeader, HEADER_SEARCH_ROWS, IMPORT_COLUMNS } from './school-columns.js';
import { ORGS_COUNTED } from './strings.js';
import type { importPreviewRowView, schoolImportView } from './views.js';

export { normName } from './school-cells.js';
export { headerField, IMPORT_COLUMNS } from './school-columns.js';

// Import of the list of schools from XLSX/CSV (format: docs/data-formats.md, «Импорт школ»).
// The file is checked in full first; only a file without a single row error is written, in one transaction.

export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_PREVIEW_LIMIT = 500;
/** Row errors beyond this are counted but not listed. */
export const IMPORT_MAX_ERRORS = 1_000;
const INSERT_CHUNK = 500;

export type ImportPreviewRow = z.infer<typeof importPreviewRowView>;
export type ImportResult = z.infer<typeof schoolImportView>;

type Unit = typeof orgUnits.$inferSelect;
type Plan =
  | { action: 'create'; row: number; municipality: Unit; values: Values }
  | { action: 'update'; row: number; municipality: Unit; school: Unit; patch: Partial<Values> };

/** Access: the administrator. Throws AppError for the file as a whole; row problems come back in `errors`. */
export async function importSchools(
  db: Db,
  opts: { actor: Actor; fileName: string; data: Buffer; dryRun: boolean },
): Promise<ImportResult> {
  const { actor, fileName, dryRun } = opts;
  if (!isAdmin(actor)) throw forbidden('Импортировать школы может только администратор');

  const table = await parseTable(fileName, opts.data, { maxRows: IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS });
  if (table.rows.length === 0)
    throw new AppError('INVALID_INPUT', 'Файл пустой: в нём нет ни заголовков, ни данных');
  const { at, cols } = findHeader(table.rows);
  const headerRow = table.rows[at]?.row ?? 1;
  const missing: string[] = [];
  if (cols.index.name === undefined) missing.push(IMPORT_COLUMNS.name);
  if (cols.index.inn === undefined) missing.push(IMPORT_COLUMNS.inn);
  if (cols.index.municipality === undefined && cols.index.oktmo === undefined)
    missing.push(IMPORT_COLUMNS.municipality);
  if (missing.length) {
    throw new AppError(
      'INVALID_INPUT',
      `${missing.length === 1 ? 'Не найден обязательный столбец' : 'Не найдены обязательные столбцы'} ${missing
        .map((m) => `«${m}»`)
        .join(', ')} (строка заголовков — ${headerRow}). Названия столбцов см. в описании формата импорта.`,
    );
  }

  const used = Object.values(cols.index);
  const dataRows = table.rows.slice(at + 1).filter((r) => used.some((i) => (r.cells[i] ?? '') !== ''));
  if (table.truncated || dataRows.length > IMPORT_MAX_ROWS) {
    throw new AppError('INVALID_INPUT', ORGS_COUNTED.tooManyRows.render(IMPORT_MAX_ROWS));
  }
  if (dataRows.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `В файле нет строк с данными: под строкой заголовков (${headerRow}) ничего не заполнено`,
    );
  }

  // Everything needed for the checks, loaded once.
  const municipalities = await db.select().from(orgUnits).where(eq(orgUnits.kind, 'municipality'));
  const schools = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'school'), isNotNull(orgUnits.inn)));
  const muniByName = groupBy(municipalities, (m) => normName(m.name));
  const muniById = new Map(municipalities.map((m) => [m.id, m]));
  const schoolsByInn = groupBy(schools, (s) => s.inn ?? '');

  const errors: RowError[] = [];
  let errorCount = 0;
  const fail = (row: number, field: Field | undefined, message: string) => {
    errorCount++;
    if (errors.length < IMPORT_MAX_ERRORS)
      errors.push({ row, ...(field ? { field: cols.label[field] } : {}), message });
  };
  const byOktmo = (code: string): Unit[] => {
    const exact = municipalities.filter((m) => m.oktmo === code);
    if (exact.length || code.length < 8) return exact;
    // OKTMO digits 1–2 are the region, 3–5 the district or city, 6–8 the settlement, 9–11 the locality.
    const first8 = municipalities.filter((m) => m.oktmo === code.slice(0, 8));
    return first8.length ? first8 : municipalities.filter((m) => m.oktmo === `${code.slice(0, 5)}000`);
  };

  const plans: Plan[] = [];
  const innSeenAt = new Map<string, number>();
  const codeSeenAt = new Map<string, number>();
  let unchanged = 0;
  let anchor: Unit | undefined; // a municipality of the file: its region gets the history event

  for (const { row, cells } of dataRows) {
    const errorsBefore = errorCount;
    const cell = (f: Field) => {
      const i = cols.index[f];
      return i === undefined ? '' : (cells[i] ?? '');
    };

    // Required: name, INN, municipality.
    const rawName = cell('name');
    const name = rawName ? check(orgUnitFields.name, rawName) : { error: 'Укажите полное наименование' };
    if ('error' in name) fail(row, 'name', name.error);

    const rawInn = normCode(cell('inn'));
    let inn: string | null = null;
    if (!rawInn) fail(row, 'inn', 'Укажите ИНН');
    else if (/e\+?\d+$/i.test(rawInn)) {
      fail(
        row,
        'inn',
        'ИНН записан в экспоненциальном виде: задайте столбцу текстовый формат и введите номер заново',
      );
    } else {
      const r = check(orgUnitFields.inn, rawInn);
      if ('error' in r) fail(row, 'inn', r.error);
      else inn = r.value ?? null;
    }

    const muniField: Field = cols.index.municipality !== undefined ? 'municipality' : 'oktmo';
    const rawMuni = cell(muniField);
    let municipality: Unit | undefined;
    if (!rawMuni)
      fail(row, muniField, muniField === 'oktmo' ? 'Укажите ОКТМО муниципалитета' : 'Укажите муниципалитет');
    else {
      const code = normCode(rawMuni);
      const found = /^(\d{8}|\d{11})$/.test(code) ? byOktmo(code) : (muniByName.get(normName(rawMuni)) ?? []);
      if (found.length === 1) municipality = found[0];
      else if (found.length === 0) fail(row, muniField, `Муниципалитет «${rawMuni}» не найден в системе`);
      else fail(row, muniField, `Муниципалитетов «${rawMuni}» в системе несколько: укажите ОКТМО`);
    }

    // Optional fields: an empty cell means "not given" (an update keeps the stored value).
    const values: Partial<Values> = {};
    for (const f of OPTIONAL_FIELDS) {
      const raw = cell(f);
      if (!raw) continue;
      const v = parseCell(f, raw);
      if ('error' in v) {
        fail(row, f, v.error);
        continue;
      }
      const r = check(orgUnitFields[f], v.value);
      if ('error' in r) fail(row, f, r.error);
      else Object.assign(values, { [f]: r.value });
    }

    if (inn) {
      const first = innSeenAt.get(inn);
      if (first !== undefined) fail(row, 'inn', `ИНН ${inn} уже встречался в строке ${first}`);
      else innSeenAt.set(inn, row);
    }
    if (values.code) {
      const first = codeSeenAt.get(values.code);
      if (first !== undefined) fail(row, 'code', `Код ОО «${values.code}» уже встречался в строке ${first}`);
      else codeSeenAt.set(values.code, row);
    }
    if (errorCount > errorsBefore || !inn || !municipality || 'error' in name) continue;

    anchor ??= municipality;
    const full: Values = { ...values, name: name.value, inn };
    const existing = schoolsByInn.get(inn) ?? [];
    const [school] = existing;
    if (existing.length > 1) {
      fail(row, 'inn', `В системе несколько школ с ИНН ${inn}: исправьте это вручную до импорта`);
    } else if (!school) {
      plans.push({ action: 'create', row, municipality, values: full });
    } else if (school.parentId !== municipality.id) {
      const current = school.parentId ? muniById.get(school.parentId)?.name : undefined;
      fail(
        row,
        muniField,
        `Школа с ИНН ${inn} уже есть в другом муниципалитете${current ? ` («${current}»)` : ''}; ` +
          'перенос между муниципалитетами при импорте не выполняется',
      );
    } else {
      const patch = changedFields(school, full);
      if (Object.keys(patch).length === 0) unchanged++;
      else plans.push({ action: 'update', row, municipality, school, patch });
    }
  }

  // Codes taken by other units (checked for the rows that passed everything else).
  const coded = plans.flatMap((p) => {
    const code = p.action === 'create' ? p.values.code : p.patch.code;
    return code ? [{ plan: p, code }] : [];
  });
  if (coded.length) {
    const holders = await codeHolders(
      db,
      coded.map((c) => c.code),
    );
    // A code this file takes away from a school of the file is free for another row (codes may be swapped).
    const released = new Set(
      plans.flatMap((p) =>
        p.action === 'update' && p.patch.code !== undefined && p.school.code ? [p.school.code] : [],
      ),
    );
    const refused = new Set<number>();
    for (const { plan, code } of coded) {
      const holder = holders.get(code);
      if (!holder || released.has(code)) continue;
      if (plan.action === 'update' && holder.id === plan.school.id) continue;
      const path = plan.action === 'create' ? plan.municipality.path : plan.school.path;
      const parent = holder.parentId ? muniById.get(holder.parentId)?.name : undefined;
      fail(plan.row, 'code', codeTakenMessage(code, holder, path, parent));
      refused.add(plan.row);
    }
    if (refused.size) {
      plans.splice(0, plans.length, ...plans.filter((p) => !refused.has(p.row)));
      errors.sort((a, b) => a.row - b.row);
    }
  }

  const ok = errorCount === 0;
  const warnings = [...cols.warnings];
  if (errorCount > errors.length) warnings.push(ORGS_COUNTED.errorsShown.render(errorCount));
  if (unchanged) warnings.push(`Без изменений: ${unchanged} — данные в файле совпадают с данными в системе`);
  const created = ok ? plans.filter((p) => p.action === 'create').length : 0;
  const updated = ok ? plans.length - created : 0;

  if (ok && !dryRun && anchor) await write(db, actor, plans, anchor, { created, updated });

  return {
    fileName,
    dryRun,
    ok,
    total: dataRows.length,
    created,
    updated,
    errors,
    warnings,
    preview: plans.slice(0, IMPORT_PREVIEW_LIMIT).map((p) => ({
      row: p.row,
      action: p.action,
      name: p.action === 'create' ? p.values.name : (p.patch.name ?? p.school.name),
      inn: p.action === 'create' ? p.values.inn : (p.school.inn ?? ''),
      code:
        p.action === 'create'
          ? (p.values.code ?? null)
          : p.patch.code !== undefined
            ? p.patch.code
            : p.school.code,
      municipality: p.municipality.name,
    })),
  };
}

function changedFields(school: Unit, values: Values): Partial<Values> {
  const patch: Partial<Values> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || k === 'inn') continue;
    const before = (school as Record<string, unknown>)[k] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(v)) Object.assign(patch, { [k]: v });
  }
  return patch;
}

async function write(
  db: Db,
  actor: Actor,
  plans: Plan[],
  anchor: Unit,
  counts: { created: number; updated: number },
) {
  const now = new Date();
  await db.transaction(async (tx) => {
    // Codes that change hands within the file are first taken off their schools: the unique index is checked
    // statement by statement. The updates below still check each school's version.
    const releasing = plans.flatMap((p) =>
      p.action === 'update' && p.patch.code !== undefined && p.school.code ? [p.school.id] : [],
    );
    for (let i = 0; i < releasing.length; i += INSERT_CHUNK) {
      await tx
        .update(orgUnits)
        .set({ code: null })
        .where(inArray(orgUnits.id, releasing.slice(i, i + INSERT_CHUNK)));
    }
    const creates = plans.flatMap((p) => (p.action === 'create' ? [p] : []));
    for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
      await tx.insert(orgUnits).values(
        creates.slice(i, i + INSERT_CHUNK).map(({ municipality, values: v }) => {
          const id = randomUUID();
          return {
            id,
            parentId: municipality.id,
            kind: 'school' as const,
            path: `${municipality.path}${id}/`, // as createOrgUnit does
            name: v.name,
            shortName: v.shortName ?? null,
            inn: v.inn,
            code: v.code ?? null,
            oktmo: v.oktmo ?? null,
            address: v.address ?? null,
            isRural: v.isRural ?? null,
            isSmall: v.isSmall ?? null,
            levels: v.levels ?? null,
            pupils: v.pupils ?? null,
            teachers: v.teachers ?? null,
            director: v.director ?? null,
            createdAt: now,
            updatedAt: now,
          };
        }),
      );
    }
    for (const p of plans) {
      if (p.action !== 'update') continue;
      const [row] = await tx
        .update(orgUnits)
        .set({ ...p.patch, version: sql`${orgUnits.version} + 1`, updatedAt: now })
        .where(and(eq(orgUnits.id, p.school.id), eq(orgUnits.version, p.school.version)))
        .returning({ id: orgUnits.id });
      if (!row) {
        // Changed by someone since the check: the whole import rolls back.
        throw new AppError(
          'CONFLICT',
          `Пока проверялся файл, школу «${p.school.name}» изменил другой пользователь. Ничего не записано: повторите импорт.`,
        );
      }
    }
    // One event for the whole import, on the region (the root of the municipality's path).
    const rootId = anchor.path.split('/')[1] || anchor.id;
    await recordEvent(
      tx,
      actor,
      'org_units.imported',
      { entityType: 'org_unit', entityId: rootId, orgUnitId: rootId },
      counts,
    );
  });
}

function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}
