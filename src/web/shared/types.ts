// Shapes of API responses, taken from the server's own types so the two never drift apart.

export type { UnitRollUp } from '../../modules/dashboard/get-dashboard.js';
export type { FoundItem } from '../../modules/roadmaps/find-items.js';
export type { HistoryEntry } from '../../modules/roadmaps/history.js';
export type { TaskView } from '../../modules/roadmaps/tasks.js';
export type {
  ItemView,
  RoadmapDetail,
  RoadmapSummary,
  SectionView,
  UnitRef,
} from '../../modules/roadmaps/types.js';
export {
  ITEM_STATUS_LABELS,
  LEVEL_LABELS,
  ROADMAP_KIND_LABELS,
  ROADMAP_STATUS_LABELS,
} from '../../modules/roadmaps/types.js';

export type Me = {
  id: string;
  login: string;
  fullName: string;
  demo: boolean;
  assignments: { role: Role; orgUnitId: string; unitName: string; unitKind: string }[];
};

export type Role =
  | 'admin'
  | 'regional_operator'
  | 'regional_center'
  | 'municipal_coordinator'
  | 'curator'
  | 'school_team'
  | 'expert'
  | 'teacher';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Администратор',
  regional_operator: 'Региональный оператор',
  regional_center: 'Региональный центр',
  municipal_coordinator: 'Муниципальный координатор',
  curator: 'Куратор',
  school_team: 'Управленческая команда ОО',
  expert: 'Эксперт',
  teacher: 'Учитель',
};

export type OrgUnit = {
  id: string;
  parentId: string | null;
  kind: 'region' | 'municipality' | 'school' | 'institution';
  institutionType: string | null;
  name: string;
  shortName: string | null;
  path: string;
  inn: string | null;
  /** «Код ОО»: what the school_id of assessment data packages is matched against. */
  code: string | null;
  oktmo: string | null;
  address: string | null;
  isRural: boolean | null;
  isSmall: boolean | null;
  levels: string[] | null;
  pupils: number | null;
  teachers: number | null;
  director: string | null;
  isDemo: boolean;
  version: number;
};
