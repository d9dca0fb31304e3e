import type { TableRow } from './parse-table.js';

/** The header is looked for among the first non-empty rows (a title above the table is common). */
export const HEADER_SEARCH_ROWS = 10;

// Recognising the columns of a school list by their meaning (format: docs/data-formats.md, «Импорт школ»).

export type Field =
  | 'name'
  | 'shortName'
  | 'inn'
  | 'code'
  | 'municipality'
  | 'oktmo'
  | 'address'
  | 'isRural'
  | 'isSmall'
  | 'levels'
  | 'pupils'
  | 'teachers'
  | 'director';

/** The canonical column names (synonyms are recognised too; see HEADER_RULES). */
export const IMPORT_COLUMNS: Record<Field, string> = {
  name: 'Полное наименование',
  shortName: 'Краткое наименование',
  inn: 'ИНН',
  code: 'Код ОО',
  municipality: 'Муниципалитет',
  oktmo: 'ОКТМО',
  address: 'Адрес',
  isRural: 'Сельская',
  isSmall: 'Малокомплектная',
  levels: 'Уровни образования',
  pupils: 'Число обучающихся',
  teachers: 'Число педагогов',
  director: 'Директор',
};

// ---------- header ----------

/** Lower case, ё → е, punctuation → spaces: «Кол-во  обучающихся, чел.» → "кол во обучающихся чел". */
function normHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9№]+/g, ' ')
    .trim();
}

const CODE_WORDS = new Set(['код', 'логин', 'идентификатор', 'id', 'code', 'login']);
const OTHER_CODES = /окпо|огрн|кпп|оквэд|окато|окогу|окфс|окопф|okpo|ogrn|kpp/;

/**
 * «Код ОО», «Код школы», «Код организации», «Логин ФИС ОКО», «school_id»: a code word and the school or
 * ФИС ОКО. Bare «Код» is not taken (it may be any code), nor a code of another register («Код ОКПО»);
 * ИНН and ОКТМО are matched by the rules above this one.
 */
function isSchoolCodeHeader(h: string, w: string[]): boolean {
  if (/^school ?(id|code)$/.test(h)) return true;
  if (!w.some((x) => CODE_WORDS.has(x)) || OTHER_CODES.test(h)) return false;
  return (
    /фис ?око/.test(h) ||
    w.some((x) => x === 'оо' || x === 'оу' || x === 'school' || /^(школ|организаци|учреждени)/.test(x))
  );
}

/** First match wins, so the more specific rules come first («Краткое наименование» before «Наименование»). */
const HEADER_RULES: Array<[Field, (h: string, words: string[]) => boolean]> = [
  ['shortName', (h) => /кратк|сокращ/.test(h)],
  ['inn', (_, w) => w.includes('инн') || w.includes('inn')],
  ['oktmo', (h) => /октмо|oktmo/.test(h)],
  ['code', isSchoolCodeHeader],
  ['address', (h) => h.includes('адрес')],
  [
    'municipality',
    (h, w) => /муницип|район|городск\S* округ/.test(h) || w.includes('мо') || w.includes('территория'),
  ],
  ['isSmall', (h) => h.includes('малокомплект')],
  ['isRural', (h) => /сельск|местност/.test(h)],
  ['levels', (h) => /уровн|ступен/.test(h)],
  ['teachers', (h) => /педагог|учител/.test(h)],
  ['pupils', (h) => /обучающ|учащ|ученик|контингент/.test(h)],
  ['director', (h) => /директор|руководител/.test(h)],
  [
    'name',
    (h) => /наименовани|название/.test(h) || /^(школа|оо|организация|образовательная организация)$/.test(h),
  ],
];

/** Row-number columns are common and carry nothing: ignored without a warning. */
const IGNORED_HEADERS = new Set([
  '',
  '№',
  'n',
  'no',
  '№ п п',
  'п п',
  'n п п',
  'номер',
  'номер п п',
  'пп',
  '№ пп',
]);

export function headerField(header: string): Field | 'ignore' | null {
  const h = normHeader(header);
  if (IGNORED_HEADERS.has(h)) return 'ignore';
  const words = h.split(' ');
  for (const [field, test] of HEADER_RULES) if (test(h, words)) return field;
  return null;
}

type Columns = {
  index: Partial<Record<Field, number>>;
  label: Partial<Record<Field, string>>;
  warnings: string[];
};

function mapHeader(cells: string[]): Columns {
  const cols: Columns = { index: {}, label: {}, warnings: [] };
  cells.forEach((header, i) => {
    const field = headerField(header);
    if (field === 'ignore') return;
    if (!field) {
      cols.warnings.push(`Столбец «${header}» не распознан и пропущен`);
      return;
    }
    const taken = cols.label[field];
    if (taken !== undefined) {
      cols.warnings.push(
        `Столбец «${header}» пропущен: данные «${IMPORT_COLUMNS[field]}» уже берутся из столбца «${taken}»`,
      );
      return;
    }
    cols.index[field] = i;
    cols.label[field] = header;
  });
  return cols;
}

const requiredFound = (c: Columns) =>
  Number(c.index.name !== undefined) +
  Number(c.index.inn !== undefined) +
  Number(c.index.municipality !== undefined || c.index.oktmo !== undefined);

export function findHeader(rows: TableRow[]): { at: number; cols: Columns } {
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS); at++) {
    const cols = mapHeader(rows[at]?.cells ?? []);
    if (requiredFound(cols) >= 2) return { at, cols };
  }
  return { at: 0, cols: mapHeader(rows[0]?.cells ?? []) };
}

// ---------- values ----------

/** Lower case, ё → е, no quotes, single spaces: «МО "Город Пенза"» and «мо город  пенза» are the same name. */
