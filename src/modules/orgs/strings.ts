// Counted messages of the school import (tests/plural.test.ts runs each with many counts).
import { counted, GEN_WORDS, WORDS } from '../../lib/counted.js';

export const ORGS_COUNTED = {
  /** «В файле 121 ошибка: показаны только первые» — the preview keeps the first errors only. */
  errorsShown: counted(WORDS.error, (c) => `В файле ${c}: показаны только первые`),
  tooManyRows: counted(
    GEN_WORDS.row,
    (c) => `В файле больше ${c} с данными: разделите его на несколько файлов`,
  ),
};
