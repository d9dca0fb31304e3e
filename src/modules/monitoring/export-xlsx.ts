import type { Db } from '../../db/client.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import type { Actor } from '../access/actor.js';
import { computedSpec } from './computed.js';
import {
  type AnswerValue,
  type Cell,
  type FormColumn,
  type FormField,
  fieldsOf,
  formSchema,
} from './form.js';
import { asOfDate } from './get-monitoring.js';
import { loadMonitoring } from './monitoring-access.js';
import { visibleParticipants } from './monitoring-read.js';
import { KIND_LABELS, MONITORING_STATUS_LABELS, RESPONSE_STATUS_LABELS } from './strings.js';

// All answers of a monitoring the actor sees as XLSX: one row per unit and one column per field on the
// first sheet; each table field on a sheet of its own (one row per table row, with its unit); a computed
// monitoring's table instead; and a sheet «О мониторинге» so the file explains itself.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const optionLabel = (options: { value: string; label: string }[] | undefined, v: string) =>
  options?.find((o) => o.value === v)?.label ?? v;

/** A field's answer as a cell: numbers stay numbers, choices become their labels. */
function cellOf(field: Pick<FormField | FormColumn, 'kind' | 'options'>, v: AnswerValue | Cell | undefined) {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return field.kind === 'choice' ? optionLabel(field.options, v) : v;
  if (v.every((x) => typeof x === 'string'))
    return (v as string[]).map((x) => optionLabel(field.options, x)).join('; ');
  return null;
}

/**
 * Sheet names as Excel takes them: at most 31 characters, none of []:*?/\, no apostrophe at either end,
 * not «History» (reserved), unique ignoring case (`used` holds lower-cased names, the fixed sheets too).
 */
export const sheetName = (label: string, used: Set<string>) => {
  const cleaned = label
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 28)
    .replace(/^[\s']+|[\s']+$/g, '');
  const base = cleaned && cleaned.toLowerCase() !== 'history' ? cleaned : 'Таблица';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} ${i}`;
  used.add(name.toLowerCase());
  return name;
};

export async function exportMonitoringXlsx(
  db: Db,
  opts: { actor: Actor; monitoringId: string; today: string },
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const { monitoring, owner } = await loadMonitoring(db, opts.actor, opts.monitoringId);
  const participants = await visibleParticipants(db, opts.actor, [monitoring.id]);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Опора';
  const used = new Set<string>(['ответы', 'о мониторинге']);
  const ws = wb.addWorksheet('Ответы', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const unitCells = (p: (typeof participants)[number]) => [p.municipality ?? '', p.name];
  const spec = computedSpec(monitoring.kind);
  if (spec) {
    const table = await spec.compute(db, {
      year: monitoring.year,
      asOf: asOfDate(monitoring, opts.today),
      units: participants.map((p) => ({ id: p.unitId, path: p.path, kind: p.kind })),
      indicatorCodes: monitoring.indicatorCodes,
    });
    ws.addRow(['Муниципалитет', 'Организация', ...table.columns.map((c) => c.label)]);
    for (const p of participants) {
      const values = table.rows.find((r) => r.unitId === p.unitId)?.values ?? {};
      ws.addRow([...unitCells(p), ...table.columns.map((c) => values[c.key] ?? null)]);
    }
    table.columns.forEach((c, i) => {
      if (c.unit === 'share') ws.getColumn(i + 3).numFmt = '0%';
    });
  } else {
    const form = formSchema.parse(monitoring.form ?? { sections: [] });
    const fields = fieldsOf(form).map((f) => f.field);
    const plain = fields.filter((f) => f.kind !== 'table');
    ws.addRow(['Муниципалитет', 'Организация', 'Статус', 'Отправлена', ...plain.map((f) => f.label)]);
    for (const p of participants)
      ws.addRow([
        ...unitCells(p),
        RESPONSE_STATUS_LABELS[p.status],
        p.submittedAt ?? null,
        ...plain.map((f) => cellOf(f, p.answers[f.id] as AnswerValue | undefined)),
      ]);
    ws.getColumn(4).numFmt = 'dd.mm.yyyy';
    for (const f of fields.filter((x) => x.kind === 'table')) {
      const columns = f.columns ?? [];
      const ts = wb.addWorksheet(sheetName(f.label, used), { views: [{ state: 'frozen', ySplit: 1 }] });
      ts.addRow(['Муниципалитет', 'Организация', '№ строки', ...columns.map((c) => c.label)]);
      for (const p of participants) {
        const rows = (p.answers[f.id] ?? []) as Record<string, Cell>[];
        rows.forEach((row, i) => {
          ts.addRow([...unitCells(p), i + 1, ...columns.map((c) => cellOf(c, row[c.id] ?? null))]);
        });
      }
      ts.getRow(1).font = { bold: true };
      ts.columns.forEach((c) => {
        c.width = 24;
      });
    }
  }
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = i < 2 ? 36 : 20;
  });
  const about = wb.addWorksheet('О мониторинге');
  about.addRows([
    ['Мониторинг', monitoring.title],
    ['Проводит', owner.name],
    ['Вид', KIND_LABELS[monitoring.kind]],
    ['Сроки', `${ru(monitoring.periodStart)} — ${ru(monitoring.periodEnd)}`],
    ['Статус', MONITORING_STATUS_LABELS[monitoring.status]],
    ['Участников в файле', participants.length],
    ['Выгружено', ru(opts.today)],
  ]);
  about.getColumn(1).font = { bold: true };
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 80;
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${monitoring.title} ${monitoring.year}.xlsx`, contentType: XLSX_TYPE, body };
}

const ru = (iso: string) => iso.split('-').reverse().join('.');
