import type { Db } from '../../db/client.js';
import { todayInMoscow } from '../identification/order-date.js';
import { listSnapshot, roadmapSnapshot } from '../publication/snapshot.js';
import { currentPublicationsUnder, liveStatuses, type PublicUnit } from './queries.js';
import { STATUS_LABELS } from './strings.js';

// Open data of a unit (issue 15 §1, the Russian practice «набор данных + паспорт + структура»): the
// published lists (counts per municipality, school names only where the list published them) and the
// execution of roadmaps published with it, over the unit and the units below. Built from publications
// only (and the live status of a published roadmap's own measures).

export const DATASETS = ['lists', 'execution'] as const;
export type DatasetKey = (typeof DATASETS)[number];

type Field = { name: string; title: string; type: 'string' | 'integer' | 'date' };
type Row = Record<string, string | number | null>;

export const STRUCTURE: Record<DatasetKey, Field[]> = {
  lists: [
    { name: 'organization', title: 'Организация, опубликовавшая список', type: 'string' },
    { name: 'list', title: 'Список (ШНОР, ШНСУ, зона риска, резильентные)', type: 'string' },
    { name: 'year', title: 'Год списка', type: 'integer' },
    { name: 'order', title: 'Приказ об утверждении', type: 'string' },
    { name: 'municipality', title: 'Муниципалитет', type: 'string' },
    { name: 'schools_count', title: 'Число школ муниципалитета в списке', type: 'integer' },
    { name: 'schools', title: 'Названия школ через «; », если регион их опубликовал', type: 'string' },
  ],
  execution: [
    { name: 'organization', title: 'Организация — владелец дорожной карты', type: 'string' },
    { name: 'roadmap', title: 'Дорожная карта', type: 'string' },
    { name: 'section', title: 'Раздел (направление)', type: 'string' },
    { name: 'number', title: '№ мероприятия', type: 'string' },
    { name: 'title', title: 'Мероприятие', type: 'string' },
    { name: 'deadline', title: 'Срок', type: 'string' },
    { name: 'status', title: 'Статус исполнения', type: 'string' },
    { name: 'done_date', title: 'Дата выполнения (ГГГГ-ММ-ДД)', type: 'date' },
  ],
};

export const DATASET_TITLES: Record<DatasetKey, { title: string; description: string; keywords: string[] }> =
  {
    lists: {
      title: 'Утверждённые списки школ с низкими результатами обучения и в неблагоприятных условиях',
      description:
        'Число школ каждого опубликованного списка по муниципалитетам; названия школ — только если регион опубликовал их.',
      keywords: ['ШНОР', 'ШНСУ', 'зона риска', 'резильентные школы', 'образование'],
    },
    execution: {
      title: 'Исполнение опубликованных дорожных карт',
      description:
        'Мероприятия дорожных карт, опубликованных вместе с исполнением: раздел, номер, срок, статус и дата выполнения.',
      keywords: ['дорожная карта', 'план мероприятий', 'исполнение', 'образование'],
    },
  };

export type Dataset = { rows: Row[]; firstPublished: string | null; lastModified: string | null };

const day = (iso: string) => iso.slice(0, 10);
const orderText = (o: { number: string; date: string } | null) => (o ? `№ ${o.number} от ${o.date}` : '');

export async function buildDataset(db: Db, unit: PublicUnit, key: DatasetKey): Promise<Dataset> {
  const kind = key === 'lists' ? 'identification_list' : 'roadmap';
  let pubs = await currentPublicationsUnder(db, unit.path, kind);
  if (key === 'execution') pubs = pubs.filter((p) => p.options.showExecution === true);
  const dates = pubs.map((p) => day(p.publishedAt)).sort();
  const rows: Row[] = [];
  let lastModified = dates.at(-1) ?? null;
  if (key === 'lists') {
    for (const p of pubs) {
      const s = listSnapshot.parse(p.snapshot);
      for (const m of s.municipalities) {
        const names =
          p.options.schoolNames && s.schools
            ? s.schools.filter((x) => x.municipality === m.name).map((x) => x.name)
            : [];
        rows.push({
          organization: p.unitName,
          list: s.listLabel,
          year: s.year,
          order: orderText(s.approvedOrder),
          municipality: m.name,
          schools_count: m.count,
          schools: names.join('; '),
        });
      }
    }
  } else {
    const snaps = pubs.map((p) => ({ p, s: roadmapSnapshot.parse(p.snapshot) }));
    const live = await liveStatuses(
      db,
      snaps.flatMap(({ s }) => s.sections.flatMap((sec) => sec.items.map((i) => i.itemId))),
    );
    for (const { p, s } of snaps) {
      for (const sec of s.sections) {
        for (const it of sec.items) {
          const st = live.get(it.itemId);
          if (st?.doneAt && (!lastModified || st.doneAt > lastModified)) lastModified = st.doneAt;
          rows.push({
            organization: p.unitName,
            roadmap: p.title,
            section: sec.title,
            number: it.number,
            title: it.title,
            deadline: it.deadline,
            status: st ? (STATUS_LABELS[st.status] ?? st.status) : '',
            done_date: st?.doneAt ?? null,
          });
        }
      }
    }
  }
  return { rows, firstPublished: dates[0] ?? null, lastModified };
}

/** CSV for Excel: UTF-8 with BOM, «;», CRLF; a cell that Excel would take for a formula gets a «'». */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function datasetCsv(key: DatasetKey, ds: Dataset): string {
  const fields = STRUCTURE[key];
  return toCsv(
    fields.map((f) => f.name),
    ds.rows.map((r) => fields.map((f) => r[f.name] ?? null)),
  );
}

export type Passport = ReturnType<typeof passportOf>;

export function passportOf(unit: PublicUnit, key: DatasetKey, ds: Dataset, origin: string) {
  const base = `${origin}/public/u/${unit.id}/opendata`;
  return {
    identifier: `opora-${unit.id}-${key}`,
    title: DATASET_TITLES[key].title,
    description: DATASET_TITLES[key].description,
    owner: unit.name,
    responsible: unit.name,
    format: 'CSV (UTF-8 с BOM, разделитель «;»), JSON',
    structure: STRUCTURE[key].map((f) => ({ name: f.name, description: f.title, type: f.type })),
    firstPublished: ds.firstPublished,
    lastModified: ds.lastModified,
    relevantOn: todayInMoscow(),
    keywords: DATASET_TITLES[key].keywords,
    rows: ds.rows.length,
    data: { csv: `${base}/${key}.csv`, json: `${base}/${key}.json` },
  };
}

export const PASSPORT_LABELS: [keyof Passport, string][] = [
  ['identifier', 'Идентификационный номер набора'],
  ['title', 'Наименование набора'],
  ['description', 'Описание набора'],
  ['owner', 'Владелец набора'],
  ['responsible', 'Ответственный'],
  ['format', 'Формат'],
  ['structure', 'Структура'],
  ['firstPublished', 'Дата первой публикации'],
  ['lastModified', 'Дата последнего изменения'],
  ['relevantOn', 'Дата актуальности'],
  ['keywords', 'Ключевые слова'],
  ['data', 'Гиперссылки на набор'],
];

export function passportCsv(passports: Passport[]): string {
  const rows: string[][] = [];
  for (const p of passports) {
    for (const [k, label] of PASSPORT_LABELS) {
      const v = p[k];
      const text =
        k === 'structure'
          ? p.structure.map((f) => `${f.name} — ${f.description}`).join('; ')
          : k === 'data'
            ? `${p.data.csv}; ${p.data.json}`
            : Array.isArray(v)
              ? v.join(', ')
              : String(v ?? '');
      rows.push([p.identifier, label, text]);
    }
  }
  return toCsv(['Идентификатор набора', 'Свойство', 'Значение'], rows);
}
