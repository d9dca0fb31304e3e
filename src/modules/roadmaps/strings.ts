// Counted messages of the roadmaps module (tests/plural.test.ts runs each with many counts).
import { counted, WORDS } from '../../lib/counted.js';
import { schoolYearLabel } from '../organisation/school-year.js';

export const ROADMAP_COUNTED = {
  sectionNotEmpty: counted(
    WORDS.item,
    (c) => `Раздел не пуст (${c}): перенесите или удалите его мероприятия, прежде чем удалять раздел`,
  ),
};

export const ROADMAP_TEXT = {
  /** itemsOfSchoolYear (year-items.ts) in words, for a figure's source line. */
  itemsOfSchoolYear: (year: number) =>
    `мероприятия утверждённых дорожных карт на ${schoolYearLabel(year)} (или календарного года ${year} либо ${year + 1}), кроме отменённых`,
};
