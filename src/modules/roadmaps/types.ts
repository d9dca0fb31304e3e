import type { z } from 'zod';
import type { ItemStatus, Level, PeriodKind, RoadmapKind, RoadmapStatus } from '../../db/schema/roadmaps.js';
import type {
  itemView,
  roadmapDetailView,
  roadmapSummaryView,
  rollUpView,
  sectionView,
  unitRefView,
} from './views.js';

export type UnitRef = z.infer<typeof unitRefView>;
export type RollUp = z.infer<typeof rollUpView>;
export type ItemView = z.infer<typeof itemView>;
export type SectionView = z.infer<typeof sectionView>;
export type RoadmapSummary = z.infer<typeof roadmapSummaryView>;
export type RoadmapDetail = z.infer<typeof roadmapDetailView>;

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
