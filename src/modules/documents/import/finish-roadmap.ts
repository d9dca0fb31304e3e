import type { RoadmapPeriod } from '../../roadmaps/deadline.js';
import { MEANING_LABELS } from './columns.js';
import { guessKind } from './context.js';
import type { CurrentTable } from './current-table.js';
import type { Warn } from './draft.js';
import { guessPeriod } from './header-rows.js';
import type { ImportedRoadmap } from './types.js';

/**
 * The roadmap of a table read to its end, with the warnings about its columns and period; null (with a
 * warning) when the table has no item.
 */
export function finishRoadmap(current: CurrentTable, warn: Warn): ImportedRoadmap | null {
  const { draft, head } = current;
  const columns = draft.columns;
  columns.forEach((c) => {
    if (c.meaning === null && !c.covered && !c.described && c.header) {
      const message = `Столбец «${c.header}» не распознан: его текст добавлен к описанию мероприятий`;
      warn(current.headerBlock.location, message, current.headerIndex);
    }
  });
  if (!columns.some((c) => c.meaning === 'deadline')) {
    const message = `В таблице нет столбца «${MEANING_LABELS.deadline}»: сроки не заполнены`;
    warn(current.headerBlock.location, message, current.headerIndex);
  }
  draft.dropTrailingGuesses();
  if (!draft.numbered && draft.itemCount > 0 && columns.some((c) => c.meaning === 'number')) {
    const message =
      'Пункты без номеров: мероприятия распознаны по срокам и ответственным, номера не заполнены';
    warn(current.headerBlock.location, message, current.headerIndex);
  }
  if (draft.itemCount === 0) {
    warn(draft.location, `В таблице «${head.title.slice(0, 80)}» нет ни одного мероприятия: она пропущена`);
    return null;
  }
  let period = head.period;
  let guessed = false;
  if (!period) {
    period = guessPeriod(draft, head.approval);
    guessed = true;
    warn(
      draft.location,
      `Период дорожной карты не указан в названии: принят ${period.kind === 'school_year' ? `${period.text} учебный год` : `${period.text} год`} — сроки без года отнесены к нему`,
    );
  }
  const rp: RoadmapPeriod = { periodKind: period.kind, periodYear: period.year };
  const sections = draft.finish(rp, !guessed);
  return {
    title: head.title,
    period: guessed ? null : period.text,
    approval: head.approval,
    columns: draft.columns.filter((c) => !c.covered).map((c) => c.header),
    sections,
    meta: {
      kind: guessKind(head.title),
      periodKind: period.kind,
      periodYear: period.year,
      periodGuessed: guessed,
    },
  };
}
