import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../lib/errors.js';
import type { Actor } from '../../access/actor.js';
import {
  appendixDocx,
  dataRow,
  headerRow,
  NUM_COL_W,
  TABLE_W,
  wideRow,
} from '../../documents/docx-appendix.js';
import { organisedPrefixes } from '../organise-access.js';
import { schoolYearLabel } from '../school-year.js';
import { listCurators } from './curators.js';
import { listPairs } from './mentor-pairs.js';
import { AGREEMENT_KIND_LABELS } from './strings.js';

// The appendices of the orders that appoint curators and mentor pairs (issue 12 §5), generated from the
// data in the layout of every appendix of the system (documents/docx-appendix.ts). Made by those who
// issue such orders: the region's operator, a municipal coordinator (his schools only).

export type AppendixKind = 'curators' | 'pairs';

const ruDate = (iso: string) => iso.split('-').reverse().join('.');

export async function exportPeopleAppendix(
  db: Db,
  opts: { actor: Actor; kind: AppendixKind; year: number; municipalityId?: string },
): Promise<{ fileName: string; data: Buffer }> {
  const { actor, kind, year } = opts;
  const issuer = actor.assignments.find((a) => organisedPrefixes(actor).includes(a.unitPath));
  if (!issuer) throw forbidden('Приложения к приказам формируют регион и муниципальные координаторы');
  const approvalLines = ['Приложение', 'к приказу', 'от «___» __________ 20__ г. № _____'];
  const yearText = schoolYearLabel(year);
  if (kind === 'curators') {
    const curators = (await listCurators(db, { actor, year, municipalityId: opts.municipalityId })).filter(
      (c) => c.schools.length > 0,
    );
    const rest = TABLE_W - NUM_COL_W;
    const widths = [NUM_COL_W, Math.round(rest * 0.22), Math.round(rest * 0.2), Math.round(rest * 0.23)];
    widths.push(TABLE_W - widths.reduce((a, b) => a + b, 0));
    const rows = curators.map((c, i) =>
      dataRow(
        [
          String(i + 1),
          c.fullName,
          c.position,
          c.workUnitName ?? c.workplace ?? '',
          c.schools.map((s) => `${s.schoolName} (${s.municipalityName})`).join('\n'),
        ],
        widths,
      ),
    );
    const title = `Список кураторов ШНОР на ${yearText}`;
    return {
      fileName: `Список кураторов ${year}.docx`,
      data: await appendixDocx({
        title,
        approvalLines,
        titles: [title, issuer.unitName],
        widths,
        rows: [
          headerRow(['№ п/п', 'Куратор', 'Должность', 'Место работы', 'Закреплённые школы'], widths),
          ...(rows.length ? rows : [wideRow('Кураторы не назначены', widths.length)]),
        ],
      }),
    };
  }
  const pairs = await listPairs(db, { actor, year, municipalityId: opts.municipalityId });
  const rest = TABLE_W - NUM_COL_W;
  const widths = [NUM_COL_W, Math.round(rest * 0.3), Math.round(rest * 0.3)];
  widths.push(TABLE_W - widths.reduce((a, b) => a + b, 0));
  const rows = pairs.map((p, i) =>
    dataRow(
      [
        String(i + 1),
        p.schoolName,
        p.mentorSchoolName,
        p.agreements
          .map(
            (a) =>
              `${a.number ? `№ ${a.number} ` : ''}от ${ruDate(a.signedOn)}: ${a.kinds.map((k) => AGREEMENT_KIND_LABELS[k]).join(', ')}`,
          )
          .join('\n') || 'нет',
      ],
      widths,
    ),
  );
  const title = `Список пар ШНОР — школа-наставник на ${yearText}`;
  return {
    fileName: `Пары ШНОР и школ-наставников ${year}.docx`,
    data: await appendixDocx({
      title,
      approvalLines,
      titles: [title, issuer.unitName],
      widths,
      rows: [
        headerRow(['№ п/п', 'ШНОР', 'Школа-наставник', 'Соглашение'], widths),
        ...(rows.length ? rows : [wideRow('Пары не закреплены', widths.length)]),
      ],
    }),
  };
}
