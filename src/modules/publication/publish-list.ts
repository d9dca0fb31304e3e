import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  identificationListSchools,
  identificationLists,
  type ListKind,
} from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import type { FileStorage } from '../files/storage.js';
import { listKindTitle } from '../identification/list-kinds.js';
import { canWriteLists, listVisible } from '../identification/lists-access.js';
import { assertSomethingNew } from './current.js';
import { orderOf } from './document-snapshot.js';
import { type PublishListInput, publishListInput } from './input.js';
import { documentPdf } from './render-pdf.js';
import type { DocumentSnapshot, ListSnapshot } from './snapshot.js';
import { fileBase, stageFile, storePublication } from './store-publication.js';

// An approved identification list on the region's public page: by default only the number of schools
// per municipality; the names of the schools only when the operator ticks «публиковать названия школ».
// Never anything about pupils or staff: the snapshot is built from org units' names and counts alone.

export const LIST_LABELS: Record<ListKind, string> = {
  shnor: 'ШНОР',
  shnsu: 'ШНСУ',
  riskZone: 'Зона риска',
  resilient: 'Резильентные школы',
};

export const LIST_MSG = {
  notApproved: 'Опубликовать можно только утверждённый список',
  operatorOnly: 'Публикует списки региональный оператор региона',
} as const;

const municipality = alias(orgUnits, 'municipality');
const school = alias(orgUnits, 'school');

/** The list's rows for publishing: its frozen schools with their municipality (the parent unit). */
async function listRows(db: Db, listId: string) {
  return db
    .select({ municipalityId: municipality.id, municipality: municipality.name, school: school.name })
    .from(identificationListSchools)
    .innerJoin(school, eq(school.id, identificationListSchools.schoolId))
    .innerJoin(municipality, eq(municipality.id, school.parentId))
    .where(eq(identificationListSchools.listId, listId))
    .orderBy(asc(municipality.name), asc(school.name));
}

/** A list's table for its PDF: municipalities with counts, and the schools when published. */
function listParts(s: ListSnapshot): DocumentSnapshot['parts'] {
  const counts = {
    kind: 'table' as const,
    header: ['Муниципалитет', 'Число школ'],
    rows: [...s.municipalities.map((m) => [m.name, String(m.count)]), ['Всего', String(s.total)]],
  };
  const names = s.schools
    ? [
        {
          kind: 'table' as const,
          header: ['Школа', 'Муниципалитет'],
          rows: s.schools.map((x) => [x.name, x.municipality]),
        },
      ]
    : [];
  return [{ heading: s.listLabel, blocks: [counts, ...names] }];
}

/** Access: the regional operator of the list's region; another reader of the list gets 403. */
export async function publishList(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; listId: string; input: PublishListInput },
) {
  const input = parseInput(publishListInput, opts.input);
  // An approved list is frozen: it is read and its PDF staged before the transaction (store-publication.ts).
  const [row] = await db
    .select({ list: identificationLists, region: orgUnits })
    .from(identificationLists)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationLists.regionId))
    .where(and(eq(identificationLists.id, opts.listId), listVisible(opts.actor)));
  if (!row) throw notFound('Список');
  const { list, region } = row;
  if (!canWriteLists(opts.actor, list.regionId)) throw forbidden(LIST_MSG.operatorOnly);
  if (input.version !== undefined && input.version !== list.version)
    throw conflict({ version: list.version });
  if (list.status !== 'approved') throw invalid(LIST_MSG.notApproved);
  const rows = await listRows(db, list.id);
  const byUnit = new Map<string, { unitId: string; name: string; count: number }>();
  for (const r of rows) {
    const m = byUnit.get(r.municipalityId) ?? { unitId: r.municipalityId, name: r.municipality, count: 0 };
    m.count += 1;
    byUnit.set(r.municipalityId, m);
  }
  const snapshot: ListSnapshot = {
    unitName: region.name,
    listLabel: LIST_LABELS[list.kind],
    year: list.year,
    approvedOrder: orderOf(list.orderNumber, list.orderDate),
    total: rows.length,
    municipalities: [...byUnit.values()].sort(byRussian((m) => m.name)),
    schools: input.schoolNames ? rows.map((r) => ({ name: r.school, municipality: r.municipality })) : null,
  };
  const options = { schoolNames: input.schoolNames };
  await assertSomethingNew(db, 'identification_list', list.id, snapshot, options);
  const title = listKindTitle(list.kind, list.year);
  const approval = snapshot.approvedOrder
    ? [`Приложение к приказу от ${snapshot.approvedOrder.date} № ${snapshot.approvedOrder.number}`]
    : [];
  const pdfBytes = await documentPdf(
    title,
    {
      unitName: region.name,
      kindLabel: 'Перечень',
      year: list.year,
      approvedOrder: null,
      parts: listParts(snapshot),
    },
    approval,
  );
  const pdf = await stageFile(storage, { name: `${fileBase(title)}.pdf`, data: pdfBytes });
  return db.transaction(async (tx) => {
    await assertSomethingNew(tx, 'identification_list', list.id, snapshot, options);
    return storePublication(tx, opts.actor, {
      kind: 'identification_list',
      objectId: list.id,
      orgUnitId: region.id,
      title,
      snapshot,
      options,
      docx: null,
      pdf,
    });
  });
}
