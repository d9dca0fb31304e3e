// Counted messages shared by the modules' input schemas (tests/plural.test.ts runs each with many counts).
import { counted, GEN_WORDS } from './counted.js';

export const COMMON_COUNTED = {
  maxChars: counted(GEN_WORDS.character, (c) => `Не длиннее ${c}`),
  minChars: counted(GEN_WORDS.character, (c) => `Не короче ${c}`),
};

/** «Не длиннее 500 символов», «Не длиннее 21 символа». */
export const maxCharsMessage = (n: number) => COMMON_COUNTED.maxChars.render(n);
