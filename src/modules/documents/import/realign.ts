import { parseDeadline } from '../../roadmaps/deadline.js';
import type { Column } from './columns.js';
import { parseNumber, splitLeadingNumber } from './numbering.js';
import type { AlignedRow } from './rows.js';
import type { Cell, RowBlock } from './types.js';

// Rows whose cells slid one column to the left: a page break dropped the row's empty first cell («№»
// left blank), so the measure stands under «№», the deadline under «Мероприятие» and the last column is
// empty. The row is put back where the text types fit — what a reader does by eye.

const ANY_PERIOD = { periodKind: 'school_year', periodYear: 2022 } as const;

const DEADLINE_WORDS =
  /^(в течени|в конце|в начале|весь период|\d+ раза? в |раз в |по окончани|ежеквартальн|ежемесячн|ежегодн|еженедельн|постоянн|по (плану|графику|мере|итогам|запросу|согласованию)|до \d|к \d|с \d|в срок|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|[ivx]+ (квартал|полугоди)|\d (квартал|полугоди)|\d{1,2}\.\d{1,2}\.\d{2,4}|20\d{2})/i;

/** «Сентябрь 2024 г.», «в течение года», «ежеквартально», «по плану», «до 15.10.2024». */
export function looksLikeDeadline(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 80) return false;
  return DEADLINE_WORDS.test(t) || parseDeadline(t, ANY_PERIOD).understood;
}

const EXECUTOR_WORDS =
  /(управлени|отдел(?!ьн)|комитет|министерств|администраци|департамент|центр|руководител|директор|заместител|методист|координатор|специалист|педагог|учител|психолог|тьютор|наставник|куратор|школ[аыу]?(?![а-я])|школы|организаци|рабоч\S* групп|(?<![А-ЯЁа-яё])(ОО|ОУ|МКУ|МБУ|МАУ|МБОУ|МОУ|МАОУ|ГБОУ|ГАОУ|ГБУ|ГАУ|ДПО|СОШ|ООШ|ИМЦ|ММЦ|ИРО|ЦРО|РЦ|ЦОКО|ЦНППМ|ППМС|ШНОР|УО|ММС|ОМСУ|РМО|ШМО|ММО)(?![А-ЯЁа-яё]))/i;
const INITIALS = /[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\./;

/** Organisations, positions, «ОО», «МКУ», a surname with initials. */
export function looksLikeExecutor(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 300 && (EXECUTOR_WORDS.test(t) || INITIALS.test(t));
}

const INDICATOR_WORDS =
  /(%|доля|количеств|не менее|не более|число|охват|приказ|справк|протокол|отч[её]т|программ|рекомендац|информаци|соглашени|утвержд|разработ|размещ|проведен|банк|план|повышени|снижени|рост)/i;

/** Percentages, «доля», «количество», «не менее», documents that prove a measure was done. */
export function looksLikeIndicator(text: string): boolean {
  return INDICATOR_WORDS.test(text);
}

/**
 * A row with a dated deadline or a surname with initials is data, even when its measure mentions
 * «мероприятий» and «результатах» like a header does.
 */
export function looksLikeData(row: RowBlock): boolean {
  return row.cells.some((c) => {
    const t = c.text.trim();
    return (/\d/.test(t) && looksLikeDeadline(t)) || INITIALS.test(t);
  });
}

function typeFit(cells: (Cell | undefined)[], columns: Column[]): number {
  let score = 0;
  columns.forEach((col, i) => {
    const t = cells[i]?.text.trim() ?? '';
    if (!t) return;
    const deadline = looksLikeDeadline(t);
    switch (col.meaning) {
      case 'number':
        score += parseNumber(t) ? 2 : -3;
        break;
      case 'level':
        score -= t.length > 40 ? 3 : 0;
        break;
      case 'measure':
        score += deadline ? -2 : t.length > 25 ? 1 : 0;
        break;
      case 'deadline':
        score += deadline ? 2 : -1;
        break;
      case 'responsible':
        score += deadline ? -2 : looksLikeExecutor(t) ? 2 : 0;
        break;
      case 'indicator':
        score += deadline ? -2 : looksLikeIndicator(t) ? 1 : 0;
        break;
    }
  });
  return score;
}

/**
 * The row moved one column to the right when its first column («№», level) holds text that is not a
 * number, its last column is empty and the moved row fits the column types clearly better; else null.
 */
export function realignShifted(row: AlignedRow, columns: Column[]): AlignedRow | null {
  const first = columns[0]?.meaning;
  if (first !== 'number' && first !== 'level') return null;
  const head = row.cells[0];
  const headText = head?.text.trim() ?? '';
  if (!headText || head?.merged || parseNumber(headText) || splitLeadingNumber(headText)) return null;
  // A lone text («1. Раздел» across the row) is a section or a continuation, not a shifted row.
  if (row.cells.filter((c) => c?.text.trim()).length < 2) return null;
  if (row.cells.at(-1)?.text.trim() || row.extra.length > 0) return null;
  if (row.cells.some((c) => (c?.span ?? 1) > 1)) return null;
  const moved = [undefined, ...row.cells.slice(0, -1)];
  if (typeFit(moved, columns) < typeFit(row.cells, columns) + 2) return null;
  // Moved, a deadline or an executor must land in its own column: not only the «№» made clean.
  const lands = columns.some((col, i) => {
    const t = moved[i]?.text.trim() ?? '';
    return (
      (col.meaning === 'deadline' && looksLikeDeadline(t)) ||
      (col.meaning === 'responsible' && looksLikeExecutor(t))
    );
  });
  if (!lands) return null;
  return { cells: moved, extra: [], guessed: false };
}

export const SHIFTED_MESSAGE = 'Ячейки строки сдвинуты на один столбец влево — выровнены по смыслу';
