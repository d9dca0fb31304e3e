// The importer's public result (docs/import-format.md) and the block stream every reader produces.
import type { z } from 'zod';
import type {
  importedItemView,
  importedRoadmapView,
  importedSubItemView,
  importWarningView,
  roadmapParseView,
} from './views.js';

export type ImportLevel = 'региональный' | 'муниципальный' | 'институциональный';
export type ImportRecurrence = 'monthly' | 'quarterly' | 'yearly' | 'throughout' | 'on-schedule';
export type ImportRoadmapKind = 'shnor_support' | 'risk_zone' | 'failure_prevention' | 'shnsu' | 'other';
export type ImportPeriodKind = 'school_year' | 'calendar_year';

export type ImportedSubItem = z.infer<typeof importedSubItemView>;
export type ImportedDeadline = ImportedSubItem['deadline'];
export type ImportedItem = z.infer<typeof importedItemView>;
export type ImportedRoadmap = z.infer<typeof importedRoadmapView>;
export type ImportedSection = ImportedRoadmap['sections'][number];
export type ImportedApproval = NonNullable<ImportedRoadmap['approval']>;
/** What the saving wizard needs besides the documented fields; all of it is a guess the user confirms. */
export type ImportedRoadmapMeta = ImportedRoadmap['meta'];
export type ImportWarning = z.infer<typeof importWarningView>;
export type ImportResult = z.infer<typeof roadmapParseView>;

// ---------- The intermediate stream: readers produce it, the recogniser reads it ----------

export type Cell = {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Grid columns the cell covers (Word gridSpan, a horizontal merge in Excel); 1 when absent. */
  span?: number;
  /** The text was carried from a vertically merged cell above (Word vMerge, Excel merge). */
  merged?: boolean;
  /** Guesses the reader made in the cell's text (a word cut by the cell's edge joined), for a warning. */
  notes?: string[];
  /** Whole warnings about a guess the reader made in the cell (a merge taken as going on over a page break). */
  warnings?: string[];
};

export type ParagraphBlock = { kind: 'paragraph'; text: string; bold: boolean; location: string };
export type RowBlock = {
  kind: 'row';
  cells: Cell[];
  location: string;
  /** Which table of the source the row belongs to (Word table, Excel sheet); absent for text. */
  table?: number;
  /** Marked as a repeated header row in the source (Word w:tblHeader). */
  header?: boolean;
};
export type Block = ParagraphBlock | RowBlock;
