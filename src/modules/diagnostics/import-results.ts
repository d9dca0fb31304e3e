import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { diagnosticImports } from '../../db/schema/people.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { parseTable } from '../orgs/parse-table.js';
import { importUnitOf, loadDiagnostic } from './access.js';
import { type ImportRow, importViewOf, registryOf, writeResults } from './import-store.js';
import { TeacherMatcher } from './match-teachers.js';
import { findResultHeader, parseScore } from './result-columns.js';
import { DIAG_COUNTED, DIAG_MSG } from './strings.js';
import type { importOutcomeView } from './views.js';

// Import of a diagnostic's results from XLSX/CSV (issue 14 §1). The file is parsed off the event loop
// (orgs/parse-table.ts → files/parse-pool.ts) and checked in full: a score that is not a number or is
// above its block's maximum, a missing block column, an Итого that is not the sum, a teacher twice — a
// row-by-row report and nothing saved. A clean file is matched to the registry (match-teachers.ts); if
// every row is certain its results are written at once, otherwise the import waits for review.

export const RESULTS_MAX_ROWS = 30_000;
const MAX_LISTED_ERRORS = 1000;
type Outcome = z.infer<typeof importOutcomeView>;
type RowError = { row: number; message: string };

const fmt = (n: number) => String(n).replace('.', ',');

export async function importResults(
  db: Db,
  opts: {
    actor: Actor;
    diagnosticId: string;
    schoolId?: string | undefined;
    fileName: string;
    data: Uint8Array;
  },
): Promise<Outcome> {
  const { actor, fileName } = opts;
  const d = await loadDiagnostic(db, actor, opts.diagnosticId);
  const unit = await importUnitOf(db, actor, d, opts.schoolId);
  const table = await parseTable(fileName, opts.data, { maxRows: RESULTS_MAX_ROWS + 10 });
  const failed = (errors: RowError[], message: string): Outcome => ({
    ok: false,
    message,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
  });
  const header = findResultHeader(table.rows, d.blocks);
  if (!header) return failed([], DIAG_MSG.noHeader);
  const headerRow = table.rows[header.at]?.row ?? 1;
  if (header.missing.length)
    return failed(
      [
        {
          row: headerRow,
          message: `Нет столбцов блоков: ${header.missing.map((b) => `«${b.name}»`).join(', ')}`,
        },
      ],
      DIAG_COUNTED.importErrors.render(1),
    );
  const dataRows = table.rows.slice(header.at + 1);
  if (table.truncated || dataRows.length > RESULTS_MAX_ROWS)
    return failed([], DIAG_COUNTED.tooManyRows.render(RESULTS_MAX_ROWS));
  if (!dataRows.length) return failed([], DIAG_MSG.noRows);

  const registry = await registryOf(db, unit.path);
  const matcher = new TeacherMatcher(registry.teachers, registry.schools);
  const byId = new Map(registry.teachers.map((t) => [t.id, t]));
  // A school's own import: a row without an ОО cell is of this school.
  const ownSchool = registry.schools.length === 1 ? registry.schools[0] : undefined;
  const errors: RowError[] = [];
  const rows: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
    const fullName =
      cell(header.index.fullName) ||
      [cell(header.index.surname), cell(header.index.name), cell(header.index.patronymic)]
        .filter(Boolean)
        .join(' ');
    const code = cell(header.index.code);
    const school = cell(header.index.school);
    const rowErrors: string[] = [];
    if (!fullName && !code) rowErrors.push('не указаны ни ФИО, ни код педагога');
    if (fullName.length > 300) rowErrors.push('ФИО длиннее 300 знаков');
    const scores: Record<string, number> = {};
    let sum = 0;
    for (const b of d.blocks) {
      const raw = cell(header.blocks[b.key]);
      const v = parseScore(raw);
      if (!raw) rowErrors.push(`нет балла блока «${b.name}»`);
      else if (v === null) rowErrors.push(`балл блока «${b.name}» — не число: «${raw.slice(0, 40)}»`);
      else if (v < 0) rowErrors.push(`балл блока «${b.name}» меньше нуля`);
      else if (v > b.maxScore)
        rowErrors.push(`балл блока «${b.name}» ${fmt(v)} больше максимума ${b.maxScore}`);
      else {
        scores[b.key] = v;
        sum += v;
      }
    }
    const totalRaw = cell(header.index.total);
    if (totalRaw && !rowErrors.length) {
      const total = parseScore(totalRaw);
      if (total === null) rowErrors.push(`«Итого» — не число: «${totalRaw.slice(0, 40)}»`);
      else if (Math.abs(total - sum) > 1e-6)
        rowErrors.push(
          `«Итого» ${fmt(total)} не равно сумме баллов блоков ${fmt(Math.round(sum * 100) / 100)}`,
        );
    }
    const match = matcher.match({ code, fullName, school }, ownSchool);
    if (match.kind === 'matched') {
      const first = firstRowOf.get(match.staffId);
      if (first !== undefined) rowErrors.push(`этот педагог уже есть в строке ${first}`);
      else firstRowOf.set(match.staffId, row);
    }
    if (rowErrors.length) {
      errors.push({ row, message: rowErrors.join('; ') });
      continue;
    }
    const t = match.kind === 'matched' ? byId.get(match.staffId) : undefined;
    rows.push({
      row,
      code,
      fullName,
      school,
      scores,
      staffId: t?.id ?? null,
      staffName: t?.fullName ?? null,
      schoolName: t?.schoolName ?? null,
      matchedBy: match.kind === 'matched' ? match.by : null,
      doubt: match.kind === 'doubtful' ? match.reason : null,
      candidates: match.kind === 'doubtful' ? match.candidates.slice(0, 20) : [],
    });
  }
  if (errors.length) return failed(errors, DIAG_COUNTED.importErrors.render(errors.length));

  const doubtful = rows.filter((r) => r.doubt).length;
  const imp = await db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(diagnosticImports)
      .values({
        diagnosticId: d.id,
        unitId: unit.id,
        fileName,
        rows,
        status: doubtful ? 'review' : 'applied',
        createdBy: actor.userId,
        appliedAt: doubtful ? null : new Date(),
      })
      .returning();
    if (!saved) throw new Error('import was not saved');
    const target = { entityType: 'diagnostic_import' as const, entityId: saved.id, orgUnitId: unit.id };
    await recordEvent(tx, actor, 'diagnostic.import_saved', target, {
      fileName,
      rows: rows.length,
      doubtful,
    });
    if (!doubtful) {
      const ready = rows.flatMap((r) =>
        r.staffId && r.matchedBy
          ? [{ row: r.row, staffId: r.staffId, scores: r.scores, by: r.matchedBy }]
          : [],
      );
      await writeResults(tx, actor, d, saved, ready, 0);
    }
    return saved;
  });
  const [fresh] = await db.select().from(diagnosticImports).where(eq(diagnosticImports.id, imp.id));
  return {
    ok: true,
    message: doubtful ? DIAG_COUNTED.doubtful.render(doubtful) : DIAG_COUNTED.applied.render(rows.length),
    errors: [],
    import: importViewOf(fresh ?? imp),
  };
}
