// Shapes of API responses, from the types generated out of the OpenAPI document (api-schema.ts), so the
// browser and the routes' response schemas never drift apart.
import type { components } from './api-schema.js';

type Schemas = components['schemas'];

export type FoundItem = Schemas['FoundItem'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type TaskView = Schemas['Task'];
export type ItemView = Schemas['ItemView'];
export type RoadmapDetail = Schemas['RoadmapDetail'];
export type RoadmapSummary = Schemas['RoadmapSummary'];
export type SectionView = Schemas['SectionView'];
export type UnitRef = Schemas['UnitRef'];
export type Dashboard = Schemas['Dashboard'];
export type UnitRollUp = NonNullable<Dashboard['rollUp']>['units'][number];
export type Me = Schemas['Me'];
export type Role = Me['assignments'][number]['role'];
export type OrgUnit = Schemas['OrgUnit'];

export {
  ITEM_STATUS_LABELS,
  LEVEL_LABELS,
  ROADMAP_KIND_LABELS,
  ROADMAP_STATUS_LABELS,
} from '../../modules/roadmaps/types.js';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Администратор',
  regional_operator: 'Региональный оператор',
  regional_center: 'Региональный центр',
  municipal_coordinator: 'Муниципальный координатор',
  curator: 'Куратор',
  school_team: 'Управленческая команда ОО',
  expert: 'Эксперт',
  teacher: 'Учитель',
  security_officer: 'Ответственный за информационную безопасность',
};
