import { and, count, eq, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { eventInvitations, eventParticipants } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { normName } from '../orgs/import-schools.js';
import { parseTable } from '../orgs/parse-table.js';
import { eventTarget, loadEventToKeep } from './event-access.js';
import { findParticipantHeader, PARTICIPANT_COLUMNS, type ParticipantField } from './event-import-columns.js';
import { EVENT_COUNTED, EVENT_MSG } from './event-labels.js';
import type { importReportView } from './event-views.js';
import { guessCategory } from './guess-category.js';
import { linkParticipantAccounts } from './link-participants.js';
import { refreshBoundIndicators } from './refresh-bound.js';

// Import of an event's participant list from XLSX/CSV (issue 12 §3). The file is parsed off the event
// loop (orgs/parse-table.ts → files/parse-pool.ts); every row is matched to a unit of the organiser's
// subtree — by code, then by exact name, the municipality telling namesakes apart — and must be invited.
// A dry run returns the report; the import writes only a file without a single bad row, marking everyone
// attended and replacing the participants of an earlier import of the event.

export const PARTICIPANTS_MAX_ROWS = 5000;
type Report = z.infer<typeof importReportView>;
type Unit = {
  id: string;
  name: string;
  shortName: string | null;
  code: string | null;
  parentName: string | null;
};

const parent = alias(orgUnits, 'imp_parent');
const normCode = (s: string) => s.trim().toLowerCase();

export async function importParticipants(
  db: Db,
  opts: { actor: Actor; eventId: string; fileName: string; data: Uint8Array; dryRun: boolean },
): Promise<Report> {
  const { actor, eventId, fileName, dryRun } = opts;
  const loaded = await loadEventToKeep(db, actor, eventId);
  const { event, organiser } = loaded;
  if (event.status !== 'announced' && event.status !== 'held') throw invalid(EVENT_MSG.importStatus);
  const table = await parseTable(fileName, opts.data, { maxRows: PARTICIPANTS_MAX_ROWS + 10 });
  const header = findParticipantHeader(table.rows);
  if (!header)
    throw invalid(
      `Не найдены столбцы «${PARTICIPANT_COLUMNS.fullName}» (или «Фамилия», «Имя», «Отчество») и «${PARTICIPANT_COLUMNS.unitName}» (или «${PARTICIPANT_COLUMNS.unitCode}», «Логин») в первых строках файла`,
    );
  const dataRows = table.rows.slice(header.at + 1);
  if (table.truncated || dataRows.length > PARTICIPANTS_MAX_ROWS)
    throw invalid(EVENT_COUNTED.tooManyRows.render(PARTICIPANTS_MAX_ROWS));
  if (dataRows.length === 0) throw invalid('В файле нет строк с участниками под строкой заголовков');

  const units: Unit[] = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      shortName: orgUnits.shortName,
      code: orgUnits.code,
      parentName: parent.name,
    })
    .from(orgUnits)
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(like(orgUnits.path, `${organiser.governingPath}%`));
  const invited = new Set(
    (
      await db
        .select({ id: eventInvitations.orgUnitId })
        .from(eventInvitations)
        .where(eq(eventInvitations.eventId, eventId))
    ).map((r) => r.id),
  );
  const byCode = new Map(units.filter((u) => u.code).map((u) => [normCode(u.code ?? ''), u]));
  const byName = new Map<string, Unit[]>();
  for (const u of units)
    for (const n of new Set([u.name, u.shortName].filter((x): x is string => !!x).map(normName))) {
      byName.set(n, [...(byName.get(n) ?? []), u]);
    }

  const rows: Report['rows'] = [];
  for (const { row, cells } of dataRows) {
    const cell = (f: ParticipantField) => {
      const i = header.index[f];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const fullName =
      cell('fullName') || [cell('surname'), cell('name'), cell('patronymic')].filter(Boolean).join(' ');
    const position = cell('position');
    let unit: Unit | undefined;
    let error: string | null = null;
    const code = cell('unitCode');
    const name = cell('unitName');
    if (code) {
      unit = byCode.get(normCode(code));
      if (!unit && !name) error = `Организация с кодом «${code}» не найдена`;
    }
    if (!unit && !error && name) {
      let found = byName.get(normName(name)) ?? [];
      const municipality = normName(cell('municipality'));
      if (found.length > 1 && municipality)
        found = found.filter((u) => u.parentName && normName(u.parentName).includes(municipality));
      if (found.length === 1) unit = found[0];
      else if (found.length > 1)
        error = `Организаций с названием «${name}» несколько: укажите муниципалитет или код ОО`;
      else error = `Организация «${name}» не найдена${code ? ` (и код «${code}» тоже)` : ''}`;
    }
    if (!unit && !error) error = 'Не указана организация (ОО или код ОО)';
    if (!fullName || fullName.length < 3) error = 'Не указано ФИО';
    else if (fullName.length > 300) error = 'ФИО длиннее 300 знаков';
    if (unit && !error && !invited.has(unit.id))
      error = `Организация «${unit.name}» не приглашена на мероприятие: добавьте её в приглашённые`;
    rows.push({ row, fullName, position, unitId: unit?.id ?? null, unitName: unit?.name ?? null, error });
  }
  const errors = rows.filter((r) => r.error).length;
  const [earlier] = await db
    .select({ n: count() })
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.source, 'import')));
  const replaces = earlier?.n ?? 0;
  const report = (written: number, message: string): Report => ({
    dryRun,
    fileName,
    columns: Object.entries(header.label).map(([field, h]) => ({ field, header: h ?? '' })),
    rows,
    total: rows.length,
    errors,
    replaces,
    written,
    message,
  });
  const replaceNote = replaces ? ` Участники прошлой загрузки (${replaces}) будут заменены.` : '';
  if (errors) return report(0, EVENT_COUNTED.importErrors.render(errors));
  if (dryRun) return report(0, `Ошибок нет: можно загружать.${replaceNote}`);

  await db.transaction(async (tx) => {
    await tx
      .delete(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.source, 'import')));
    for (let i = 0; i < rows.length; i += 500)
      await tx.insert(eventParticipants).values(
        rows.slice(i, i + 500).map((r) => ({
          eventId,
          orgUnitId: r.unitId,
          fullName: r.fullName,
          position: r.position || null,
          category: guessCategory(r.position),
          source: 'import' as const,
          attended: true,
        })),
      );
    await linkParticipantAccounts(tx, eventId);
    await recordEvent(tx, actor, 'event.participants_imported', eventTarget(event), {
      rows: rows.length,
      replaced: replaces,
      fileName,
    });
    const regionId = regionOfPath(organiser.path);
    if (regionId) await refreshBoundIndicators(tx, { regionId });
  });
  return report(
    rows.length,
    `${EVENT_COUNTED.imported.render(rows.length)}.${replaces ? ' Прошлая загрузка заменена.' : ''}`,
  );
}
