// The importer's public result (docs/import-format.md) and the block stream every reader produces.

export type ImportLevel = 'региональный' | 'муниципальный' | 'институциональный';
export type ImportRecurrence = 'monthly' | 'quarterly' | 'yearly' | 'throughout' | 'on-schedule';
export type ImportRoadmapKind = 'shnor_support' | 'risk_zone' | 'failure_prevention' | 'shnsu' | 'other';
export type ImportPeriodKind = 'school_year' | 'calendar_year';

export type ImportedDeadline = {
  text: string | null;
  from: string | null; // 'YYYY-MM'
  to: string | null; // 'YYYY-MM'
  recurrence: ImportRecurrence | null;
};

export type ImportedSubItem = {
  number: string | null;
  level: ImportLevel | null;
  measure: string;
  description: string | null;
  deadline: ImportedDeadline;
  responsible: string | null;
  indicator: string | null;
};

export type ImportedItem = ImportedSubItem & { subItems: ImportedSubItem[] };

export type ImportedSection = { number: string | null; title: string | null; items: ImportedItem[] };

export type ImportedApproval = { body: string | null; orderNumber: string | null; date: string | null };

/** What the saving wizard needs besides the documented fields; all of it is a guess the user confirms. */
export type ImportedRoadmapMeta = {
  kind: ImportRoadmapKind;
  periodKind: ImportPeriodKind | null;
  periodYear: number | null;
  /** The period was not written in the title or near the table: it was inferred (see warnings). */
  periodGuessed: boolean;
};

export type ImportedRoadmap = {
  title: string;
  period: string | null;
  approval: ImportedApproval | null;
  columns: string[];
  sections: ImportedSection[];
  meta: ImportedRoadmapMeta;
};

export type ImportWarning = { location: string; message: string };

export type ImportResult = { roadmaps: ImportedRoadmap[]; warnings: ImportWarning[] };

// ---------- The intermediate stream: readers produce it, the recogniser reads it ----------

export type Cell = {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Grid columns the cell covers (Word gridSpan, a horizontal merge in Excel); 1 when absent. */
  span?: number;
  /** The text was carried from a vertically merged cell above (Word vMerge, Excel merge). */
  merged?: boolean;
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
