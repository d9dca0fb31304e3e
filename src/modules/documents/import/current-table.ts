import type { Period } from './context.js';
import type { DraftRoadmap } from './draft.js';
import type { ImportedApproval, RowBlock } from './types.js';

// The roadmap table the recogniser is reading: the draft it fills, what was read above its header, and where
// that header is (a header spread over two rows, a header repeated after a page break).

/** What the text above a roadmap table says of it. */
export type RoadmapHead = {
  title: string;
  period: Period | null;
  approval: ImportedApproval | null;
};

export type CurrentTable = {
  draft: DraftRoadmap;
  head: RoadmapHead;
  tableId: number | undefined;
  headerPending: boolean;
  headerBlock: RowBlock;
  headerIndex: number;
  /** The row before was the header repeated after a page break. */
  repeatedHeader: boolean;
  /** The header took two rows: only then can a repeated header have a second line. */
  twoLineHeader?: boolean;
};
