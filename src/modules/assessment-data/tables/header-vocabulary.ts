import { TABLE_FIELD_LABELS } from '../../../lib/assessment-table-fields.js';
import type { TableField } from './mapping.js';

// The one vocabulary of assessment-table headers: how a header text is told to mean a field, the header
// the XLSX templates use, the explanation on their «Пояснения» sheet and the examples listed in
// docs/data-formats.md (a test checks that every example is recognised as its field).

/** Lower case, «ё» → «е», every run of punctuation, quotes and line breaks → one space; «%» kept as a word. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/%/g, ' % ')
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

/** Words that say nothing about the field around a mark («отметка "2"», «Получили "2" (чел.)»). */
const MARK_FILLER = new Set(
  (
    'отметка отметки отметку отметок отметкой отметками отметкам оценка оценки оценку оценок оценкой оценками оценкам на ' +
    'получили получивших ' +
    'получил получило кол во количество число доля доли процент процентов % чел человек участников обучающихся ' +
    'с в из них от общего числа количества писавших выполнявших работу работы распределение по группам групп ' +
    'группы баллов балл abs абс результаты результатов итоги'
  ).split(' '),
);

export const PERCENT = /(?:^| )(?:%|доля|доли|процент\p{L}*)(?: |$)/u;

/** Marks by their names, as school reports head them («Неуд.», «Удовл.», «Хор.», «Отл.»). */
const MARK_NAMES: [RegExp, string][] = [
  [/^(?:неуд|неудовл|неудовлетворительно)$/, '2'],
  [/^(?:уд|удовл|удовлетворительно)$/, '3'],
  [/^(?:хор|хорошо)$/, '4'],
  [/^(?:отл|отлично)$/, '5'],
];

export type VocabularyEntry = {
  field: TableField;
  /** The header of the XLSX templates. */
  label: string;
  /** For the «Пояснения» sheet and the docs. */
  explanation: string;
  /** Headers recognised as this field (docs, and a test that keeps them true). */
  examples: string[];
};

export const VOCABULARY: VocabularyEntry[] = [
  {
    field: 'school_code',
    label: 'Код ОО',
    explanation: 'Код школы в региональной или федеральной системе (как «Код ОО» в карточке школы).',
    examples: ['Код ОО', 'Код школы', 'Код организации', 'Код ОУ', 'Код'],
  },
  {
    field: 'school_login',
    label: 'Логин ОО',
    explanation: 'Логин школы в ФИС ОКО; сравнивается с «Код ОО» школы, если кода в файле нет.',
    examples: ['Логин', 'Логин ОО', 'Логин ФИС ОКО'],
  },
  {
    field: 'school_name',
    label: 'Наименование ОО',
    explanation:
      'Название школы: по нему школа ищется в муниципалитете, если нет кода и логина (с проверкой).',
    examples: [
      'Наименование ОО',
      'ОО',
      'Наименование',
      'Образовательная организация',
      'Школа',
      'Группы участников',
    ],
  },
  {
    field: 'municipality',
    label: 'Муниципалитет',
    explanation:
      'Муниципалитет школы; строка с муниципалитетом без школы — промежуточный итог и пропускается.',
    examples: ['Муниципалитет', 'МО', 'АТЕ', 'Муниципальное образование', 'Район'],
  },
  {
    field: 'year',
    label: 'Год',
    explanation: 'Год проведения процедуры (если столбца нет, год берётся из заголовка над таблицей).',
    examples: ['Год', 'Год проведения'],
  },
  {
    field: 'assessment',
    label: 'Процедура',
    explanation: 'Оценочная процедура: ВПР, ОГЭ, ЕГЭ, РДР…',
    examples: ['Процедура', 'Оценочная процедура'],
  },
  {
    field: 'subject',
    label: 'Предмет',
    explanation: 'Учебный предмет: «русский язык», «математика»…',
    examples: ['Предмет', 'Учебный предмет'],
  },
  {
    field: 'grade',
    label: 'Класс',
    explanation: 'Класс (параллель) от 1 до 11.',
    examples: ['Класс', 'Параллель'],
  },
  {
    field: 'participants',
    label: 'Количество участников',
    explanation: 'Число участников процедуры; нужно всегда, без него доли не пересчитать в количество.',
    examples: [
      'Количество участников',
      'Кол-во участников',
      'Число участников',
      'Участников, чел.',
      'Писали работу',
    ],
  },
  ...([2, 3, 4, 5] as const).flatMap((m): VocabularyEntry[] => [
    {
      field: `mark${m}`,
      label: `Отметка «${m}», чел.`,
      explanation: `Число участников, получивших отметку «${m}».`,
      examples: [
        `Отметка "${m}"`,
        `"${m}"`,
        `на "${m}"`,
        `Кол-во «${m}»`,
        `Получили "${m}", чел.`,
        ['Неуд.', 'Удовл.', 'Хор.', 'Отл.'][m - 2] as string,
      ],
    },
    {
      field: `pct${m}`,
      label: `Отметка «${m}», %`,
      explanation: `Доля участников с отметкой «${m}» в процентах от числа участников (пересчитывается в количество).`,
      examples: [`% "${m}"`, `Доля "${m}" (%)`, `Отметка «${m}», %`],
    },
  ]),
  {
    field: 'below_min',
    label: 'Не преодолели минимальный порог, чел.',
    explanation:
      'Для экзамена без отметок: число участников ниже минимального порога (записывается как «2»).',
    examples: [
      'Не преодолели минимальный порог',
      'Ниже минимального',
      'Не набрали минимального количества баллов',
    ],
  },
  {
    field: 'pct_below_min',
    label: 'Не преодолели минимальный порог, %',
    explanation: 'То же в процентах от числа участников.',
    examples: ['Не преодолели минимальный порог, %', 'Доля ниже минимального (%)'],
  },
  {
    field: 'average',
    label: 'Средний балл',
    explanation: 'Средний балл: читается, но не хранится (показатели считаются по отметкам).',
    examples: ['Средний балл', 'Средняя отметка', 'Ср. балл'],
  },
  ...(
    [
      ['lowered', 'Понизили (отметка < отметки по журналу)', 'получили отметку ниже отметки по журналу'],
      ['confirmed', 'Подтвердили (отметка = отметке по журналу)', 'подтвердили отметку по журналу'],
      ['raised', 'Повысили (отметка > отметки по журналу)', 'получили отметку выше отметки по журналу'],
    ] as const
  ).flatMap(([field, label, what]): VocabularyEntry[] => [
    {
      field,
      label: `${label}, чел.`,
      explanation: `Число участников, которые ${what}.`,
      examples: [label, label.split(' ')[0] as string],
    },
    {
      field: `pct_${field}`,
      label: `${label}, %`,
      explanation: `Доля участников, которые ${what}, в процентах.`,
      examples: [`${label}, %`, `${label.split(' ')[0]} (%)`],
    },
  ]),
];

/** The Russian name of each field: the same as the mapping step's choices (one definition, src/lib). */
export const FIELD_LABELS: Record<TableField, string> = TABLE_FIELD_LABELS;

/**
 * Derived shares and counts that reports carry next to the marks: known, and quietly ignored. So are the
 * columns of a task-by-task report under their caption («Выполнение заданий» over «1»…«15», «Распределение
 * первичных баллов» over «0»…«20»: held-out set 9) — their numbers «2», «3» are no marks.
 */
const DERIVED =
  /^(?:кол во|количество|число) (?:оо|школ|ату|мо|мсу)$|(?:^| )(?:выполнени\p{L}* задани\p{L}*|распределени\p{L}* первичн\p{L}* балл\p{L}*|по списку|получили \d+(?: \d+)? балл\p{L}*|\d+ балльник\p{L}*|(?:всего|итого) (?:%|доля)|качеств\p{L}*|кач во|успеваемост\p{L}*|успев|обученност\p{L}*|соу|медиана|max|min|максимальн\p{L}*|минимальн\p{L}* балл|стобалл\p{L}*|высокобалл\p{L}*|\d+ и (?:более|выше))(?: |$)/u;

const PLACE_WORD = /муницип|(?:^| )(?:мо|ате|ату|мсу|район\p{L}*|округ\p{L}*|территори\p{L}*)(?: |$)/u;

/** The field a (normalised) header means; 'ignore' for a known column to skip; null when unknown. */
export function fieldOfHeader(normalised: string): TableField | null {
  const t = normalised;
  if (t === '') return null;
  const pct = PERCENT.test(t);
  const has = (re: RegExp) => re.test(t);
  if (t === '№' || has(/^(?:№|n|номер)(?: п п| строки)?$/) || t === 'п п') return 'ignore';
  if (has(/не преодолел|ниже минимал|не набрал|не достигл/)) return pct ? 'pct_below_min' : 'below_min';
  if (has(/понизил/)) return pct ? 'pct_lowered' : 'lowered';
  if (has(/подтвердил/)) return pct ? 'pct_confirmed' : 'confirmed';
  if (has(/повысил/)) return pct ? 'pct_raised' : 'raised';
  if (has(/(?:^| )(?:средн\p{L}*|ср)(?: \p{L}+)? (?:балл|отметк|оценк)|^средн\p{L}*$/u)) return 'average';
  if (DERIVED.test(t)) return 'ignore';
  // ФИС ОКО reports name the region, municipalities and schools («(sch583312) МБОУ СОШ № 1») in one column.
  if (t === 'группы участников') return 'school_name';
  const mark = markOf(t);
  if (mark) return (pct ? `pct${mark}` : `mark${mark}`) as TableField;
  if (
    !pct &&
    has(/участник|писавш|писали|выполнял|сдавал|сдававш|^(?:кол во|количество|число|всего) (?:чел|человек)/)
  ) {
    return 'participants';
  }
  if (has(/логин/)) return 'school_login';
  if (has(/(?:^| )(?:код|id|идентификатор)(?: |$)/)) {
    if (has(/ (?:мо|ате|ату|мсу|муницип\p{L}*|район\p{L}*|октмо|окпо|огрн|инн|предмет\p{L}*)(?: |$)/u))
      return 'ignore';
    return 'school_code';
  }
  // «Наименование МО / ОО»: one column names the territories and, under them, their schools.
  if (
    has(/(?:^| )(?:мо|ате|муниципалитет\p{L}*|район\p{L}*)(?: |$)/u) &&
    has(/(?:^| )(?:оо|оу)$/u) &&
    !has(/(?:^| )(?:кол во|количество|число)(?: |$)/)
  ) {
    return 'school_name';
  }
  if (has(PLACE_WORD)) return 'municipality';
  if (has(/процедур|^(?:вид|тип) (?:работы|оценк)|^(?:работа|экзамен)$/)) return 'assessment';
  if (has(/предмет|дисциплин/)) return 'subject';
  if (
    has(
      /наименован|название|^(?:оо|оу|ооо|школа|организация|учреждение)$|образовательн\p{L}* (?:организац|учрежден)/u,
    )
  ) {
    return 'school_name';
  }
  if (has(/^(?:учебный )?год(?: \p{L}+)?$/u)) return 'year';
  if (has(/^(?:класс|параллель|кл)(?: \p{L}+)?$/u)) return 'grade';
  return null;
}

/** '2'…'5' when the header is a mark with nothing else of substance («Отметка "2"», «на 2», «2 (чел.)»). */
function markOf(t: string): string | null {
  let mark: string | null = null;
  for (const w of t.split(' ')) {
    const word = MARK_NAMES.find(([re]) => re.test(w))?.[1] ?? w;
    if (/^[2-5]$/.test(word)) {
      if (mark) return null;
      mark = word;
    } else if (!MARK_FILLER.has(word)) return null;
  }
  return mark;
}

/** «Не указана процедура», «Не указан предмет»: the phrase agrees with the word's gender. */
export const PART_MISSING = {
  year: 'Не указан год',
  assessment: 'Не указана процедура',
  subject: 'Не указан предмет',
  grade: 'Не указан класс',
} as const;
