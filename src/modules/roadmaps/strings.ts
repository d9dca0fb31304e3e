// Counted messages of the roadmaps module (tests/plural.test.ts runs each with many counts).
import { counted, WORDS } from '../../lib/counted.js';

export const ROADMAP_COUNTED = {
  sectionNotEmpty: counted(
    WORDS.item,
    (c) => `Раздел не пуст (${c}): перенесите или удалите его мероприятия, прежде чем удалять раздел`,
  ),
};
