import type {
  Comparator,
  Confirmation,
  ItemStatus,
  Level,
  PeriodKind,
  Recurrence,
  RoadmapKind,
  RoadmapStatus,
} from '../../db/schema/roadmaps.js';

export type UnitRef = { id: string; name: string; kind: string };

export type RollUp = { done: number; total: number; unitKind: 'municipality' | 'school' };

export type ItemView = {
  id: string;
  sectionId: string;
  /** A sub-row of a numbered measure (its own deadline under the same measure), as in the source document. */
  parentItemId: string | null;
  position: number;
  number: string | null;
  level: Level | null;
  measure: string;
  description: string | null;
  deadlineText: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  recurrence: Recurrence | null;
  dueDate: string | null;
  responsibleUnits: UnitRef[];
  responsibleText: string | null;
  participants: string | null;
  indicator: string | null;
  targetComparator: Comparator | null;
  targetValue: number | null;
  targetUnit: string | null;
  actualValue: number | null;
  status: ItemStatus;
  statusComment: string | null;
  overdue: boolean;
  confirmation: Confirmation | null;
  confirmationComment: string | null;
  evidenceCount: number;
  commentCount: number;
  /** For a measure addressed to the level below: how many of the addressed units have done it. */
  rollUp: RollUp | null;
  sourceItemId: string | null;
  version: number;
  updatedAt: string;
};

export type SectionView = {
  id: string;
  position: number;
  number: string | null;
  title: string | null;
  version: number;
  items: ItemView[];
};

export type RoadmapSummary = {
  id: string;
  title: string;
  kind: RoadmapKind;
  periodKind: PeriodKind;
  periodYear: number;
  periodLabel: string;
  status: RoadmapStatus;
  orgUnit: UnitRef;
  approvalBody: string | null;
  orderNumber: string | null;
  orderDate: string | null;
  orderFileId: string | null;
  isDemo: boolean;
  version: number;
  updatedAt: string;
  progress: Record<ItemStatus, number> & { total: number; overdue: number };
};

export type RoadmapDetail = RoadmapSummary & {
  sections: SectionView[];
  permissions: { canManage: boolean; canConfirm: boolean };
};

export const LEVEL_LABELS: Record<Level, string> = {
  regional: 'региональный',
  municipal: 'муниципальный',
  school: 'институциональный',
};

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  planned: 'запланировано',
  in_progress: 'в работе',
  done: 'выполнено',
  not_done: 'не выполнено',
  postponed: 'перенесено',
  cancelled: 'отменено',
};

export const ROADMAP_STATUS_LABELS: Record<RoadmapStatus, string> = {
  draft: 'черновик',
  approved: 'утверждена',
  archived: 'в архиве',
};

export const ROADMAP_KIND_LABELS: Record<RoadmapKind, string> = {
  shnor_support: 'Поддержка ШНОР',
  risk_zone: 'Школы в зоне риска',
  failure_prevention: 'Профилактика учебной неуспешности',
  shnsu: 'Поддержка ШНСУ',
  other: 'Иное',
};

export function periodLabel(kind: PeriodKind, year: number): string {
  return kind === 'school_year' ? `${year}/${year + 1} учебный год` : `${year} год`;
}
