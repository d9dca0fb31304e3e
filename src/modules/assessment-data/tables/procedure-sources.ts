import type { TableMapping } from './mapping.js';
import { cellNumber } from './measures.js';
import type { Sheet } from './read-table.js';
import { parseProcedure } from './wide-groups.js';

// Where a sheet's assessment, year, grade and subject come from when no column gives them: the title rows
// over its table and its name (read by recognise-table.ts), the book's title sheets, then the file's name.

export type ProcedurePart = keyof TableMapping['fixed'];

/**
 * Assessment, year, grade, subject named by the title rows, the sheet name or the title sheets (the first
 * that names it), then by the file's name: regions name their files so («ЕГЭ_2026_результаты_по_ОО.csv»,
 * held-out set 8), and what the file says inside it comes first.
 */
export function fixedOf(
  titles: string[],
  cover: Cover,
): { fixed: TableMapping['fixed']; fromFileName: ProcedurePart[] } {
  const fixed: TableMapping['fixed'] = { assessment: null, subject: null, grade: null, year: null };
  const parts = Object.keys(fixed) as ProcedurePart[];
  const fill = (texts: string[], once = false) => {
    const filled: ProcedurePart[] = [];
    for (const t of texts) {
      const p = parseProcedure(t);
      // A file's name naming two of a part («…_русский_математика.xlsx») names neither.
      const more = once ? parseProcedure(p.rest) : null;
      for (const part of parts) {
        if (fixed[part] !== null || p[part] === null) continue;
        if (more && more[part] !== null && more[part] !== p[part]) continue;
        (fixed as Record<ProcedurePart, unknown>)[part] = p[part];
        filled.push(part);
      }
    }
    return filled;
  };
  fill([...titles, ...cover.lines]);
  return { fixed, fromFileName: cover.fileName ? fill([fileTitle(cover.fileName)], true) : [] };
}

/** «ВПР_2026_математика_6_кл.xlsx» → «ВПР 2026 математика 6 кл». */
const fileTitle = (name: string) =>
  name
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]{1,5}$/, '')
    .replace(/[_.+]+/g, ' ');

/** What the book says of all its sheets: the lines of its title sheets, then its file's name. */
export type Cover = { lines: string[]; fileName: string | null };
export const NO_COVER: Cover = { lines: [], fileName: null };

export function coverOf(book: Sheet[], fileName: string | null): Cover {
  return { lines: coverTexts(book), fileName };
}

/** The lines of the book's title sheets: short sheets of text, no numbers, named «Титульный лист» or so. */
function coverTexts(book: Sheet[]): string[] {
  // Only a sheet named as a title page: an «Инструкция» naming other subjects and years must not fill them in.
  return book
    .filter((s) => /титул|обложк|cover|title/i.test(s.name ?? ''))
    .filter((s) => s.rows.length > 0 && s.rows.length <= 60)
    .filter((s) => s.rows.every((r) => !r.cells.some((c) => cellNumber(c) !== null)))
    .flatMap((s) => s.rows.map((r) => r.cells.filter((c) => c !== '').join(' ')));
}
