import { invalid } from '../../lib/errors.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';

// The date of an order that approves lists. An order is a signed document: it cannot be dated after
// today. And a list of year Y rests on the assessment results of Y and of Y−1 (ШНОР needs the same
// procedure low in the year before; stagnation and repeats look further back), so an order dated before
// 1 January of Y−1 would approve a list before any result it rests on existed: refused too. The bound is
// Y−1, not Y, because a region may load a school year's results (and approve its list) before the
// calendar year of the data ends its first half — the system keys data by the year of the results, and an
// order of December can approve the list of data loaded for the coming year (docs/identification-api.md,
// «Приказ»). Today is the day in Moscow, the time zone of the federal calendar.

/** Today as ГГГГ-ММ-ДД in Moscow. */
export function todayInMoscow(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Moscow',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Throws INVALID_INPUT on `orderDate` with a Russian message when the date is impossible for the year. */
export function assertOrderDate(orderDate: string, listYear: number, today: string = todayInMoscow()): void {
  if (orderDate > today)
    throw invalid(
      `Дата приказа ${formatRuDate(orderDate)} ещё не наступила: приказ не может быть датирован будущим днём`,
      [
        {
          field: 'orderDate',
          message: `Дата приказа не может быть позже сегодняшнего дня (${formatRuDate(today)})`,
        },
      ],
    );
  const earliest = `${listYear - 1}-01-01`;
  if (orderDate < earliest)
    throw invalid(
      `Дата приказа ${formatRuDate(orderDate)} раньше данных списка: список ${listYear} года составлен по результатам ${listYear - 1} и ${listYear} годов, приказ не может быть раньше ${formatRuDate(earliest)}`,
      [
        {
          field: 'orderDate',
          message: `Дата приказа — не раньше ${formatRuDate(earliest)}: список составлен по результатам ${listYear - 1} и ${listYear} годов`,
        },
      ],
    );
}
