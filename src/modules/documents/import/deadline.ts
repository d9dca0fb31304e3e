import {
  type ParsedDeadline,
  parseDeadline,
  periodBounds,
  type RoadmapPeriod,
} from '../../roadmaps/deadline.js';
import type { ImportedDeadline } from './types.js';

// The deadline of an imported item: `parseDeadline` (the one the roadmaps use) plus what an import adds —
// periodic wordings without months cover the roadmap period, «август – сентябрь» across the turn of a school
// year is read in the order written, and notes for everything the user should check.

const MONTH_STEMS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма[йяе]',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const MONTH_WORD = `(${MONTH_STEMS.map((s) => `${s}[а-я]*`).join('|')})`;
const MONTH_RANGE = new RegExp(`^(?:с\\s+)?${MONTH_WORD}\\s*[-–—‐]\\s*(?:по\\s+)?${MONTH_WORD}\\.?$`, 'i');
const THROUGH_YEAR = /течени[еи]\s+(всего\s+)?(учебного\s+|календарного\s+|отчетного\s+)?(года|периода)/i;

const ym = (idx: number) => `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
const ymIndex = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;

function monthOf(word: string): number {
  const w = word.toLowerCase().replaceAll('ё', 'е');
  return MONTH_STEMS.findIndex((stem) => new RegExp(`^${stem}`).test(w)) + 1;
}

export type DeadlineReading = { deadline: ImportedDeadline; notes: string[] };

export const periodText = (p: RoadmapPeriod): string =>
  p.periodKind === 'school_year' ? `${p.periodYear}-${p.periodYear + 1}` : String(p.periodYear);

/**
 * `periodKnown`: the period was written in the document; only then a deadline outside it is reported
 * (with a guessed period every year would look wrong).
 */
export function readDeadline(
  text: string | null,
  period: RoadmapPeriod,
  periodKnown: boolean,
): DeadlineReading {
  const empty: ImportedDeadline = { text: null, from: null, to: null, recurrence: null };
  if (!text?.trim()) return { deadline: empty, notes: [] };
  const notes: string[] = [];
  const parsed: ParsedDeadline = parseDeadline(text, period);
  let { from, to } = parsed;
  const { recurrence } = parsed;
  if (!parsed.understood) {
    notes.push(`Срок «${text}» не распознан: сохранён только текст`);
    return { deadline: { ...empty, text }, notes };
  }
  const bounds = periodBounds(period);

  // «Август – сентябрь», «июнь – сентябрь» without a year: parseDeadline puts each month into the school
  // year and returns the span between them backwards; the wording means the months in the order written.
  const range = MONTH_RANGE.exec(text.trim());
  if (range?.[1] && range[2]) {
    const m1 = monthOf(range[1]);
    const m2 = monthOf(range[2]);
    const first = parseDeadline(range[1], period).from;
    if (m1 > 0 && m2 > 0 && first) {
      const start = ymIndex(first);
      const end = start + ((m2 - m1 + 12) % 12);
      if (ym(start) !== from || ym(end) !== to) {
        from = ym(start);
        to = ym(end);
        notes.push(`Срок «${text}» понят как ${from} – ${to}`);
      }
    }
  }

  if (from === null && to === null && recurrence !== null) {
    // «ежемесячно», «ежеквартально», «ежегодно», «в течение года по плану КПК»: the whole roadmap period.
    if (recurrence !== 'on-schedule' || THROUGH_YEAR.test(text)) {
      from = bounds.from;
      to = bounds.to;
    }
  } else if (to !== null && THROUGH_YEAR.test(text) && to < bounds.to && to >= bounds.from) {
    // «Сентябрь, в течение года»: from September to the end of the period.
    to = bounds.to;
  }
  if (from !== null && to !== null && from > to) from = null;

  if (periodKnown && /\d{4}/.test(text) && to !== null) {
    const outside = to < bounds.from || (from ?? to) > bounds.to;
    const partly = !outside && ((from ?? to) < bounds.from || to > bounds.to);
    if (outside) notes.push(`Срок «${text}» вне периода дорожной карты (${periodText(period)})`);
    else if (partly) notes.push(`Срок «${text}» выходит за период дорожной карты (${periodText(period)})`);
  }
  return { deadline: { text, from, to, recurrence }, notes };
}
