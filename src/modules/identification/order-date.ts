import { invalid } from '../../lib/errors.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';

// The date of an order that approves lists. An order is a signed document: it cannot be dated after
// today. And a list of a year is built on that year's assessment data (ВПР in spring, ГИА in summer),
// so an order dated before 1 January of the list's year would approve results that did not yet exist:
// refused too (docs/identification-api.md, «Приказ»). Today is the day in Moscow, the time zone of the
// federal calendar; a region further east signs at most a few hours «ahead», never a day.

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
  const earliest = `${listYear}-01-01`;
  if (orderDate < earliest)
    throw invalid(
      `Дата приказа ${formatRuDate(orderDate)} раньше года данных списка (${listYear}): список по данным ${listYear} года нельзя утвердить раньше ${formatRuDate(earliest)}`,
      [
        {
          field: 'orderDate',
          message: `Дата приказа — не раньше ${formatRuDate(earliest)}: список составлен по данным ${listYear} года`,
        },
      ],
    );
}
