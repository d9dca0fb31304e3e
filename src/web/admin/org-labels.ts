import type { OrgUnit } from '../shared/types.js';

export type OrgKind = OrgUnit['kind'];

export const KIND_LABELS: Record<OrgKind, string> = {
  region: 'Регион',
  municipality: 'Муниципалитет',
  school: 'Школа',
  institution: 'Учреждение',
};

export const KIND_COLORS: Record<OrgKind, string> = {
  region: 'indigo',
  municipality: 'blue',
  school: 'teal',
  institution: 'grape',
};

/** The same list as INSTITUTION_TYPES in src/db/schema/orgs.ts. */
export const INSTITUTION_TYPE_LABELS: Record<string, string> = {
  department: 'Орган управления образованием',
  iro: 'Институт развития образования (ИРО)',
  quality_center: 'Центр оценки качества образования',
  cnppm: 'ЦНППМ',
  omsu: 'ОМСУ (управление образования)',
  moc: 'Муниципальный методический центр (МОЦ)',
  methodical_association: 'Методическое объединение',
  other: 'Иное учреждение',
};

export const SCHOOL_LEVELS = ['НОО', 'ООО', 'СОО'] as const;

/** Which kinds may be created under a unit (src/modules/orgs/org-units.ts, ALLOWED_PARENT). */
export function childKinds(parent: OrgUnit | null): OrgKind[] {
  if (!parent) return ['region'];
  if (parent.kind === 'region') return ['municipality', 'institution'];
  if (parent.kind === 'municipality') return ['school', 'institution'];
  return [];
}

/** Units by parent, each list sorted: municipalities and schools first, institutions after. */
export function childrenIndex(units: OrgUnit[]): Map<string | null, OrgUnit[]> {
  const byParent = new Map<string | null, OrgUnit[]>();
  for (const u of units) {
    const list = byParent.get(u.parentId) ?? [];
    list.push(u);
    byParent.set(u.parentId, list);
  }
  const order: Record<OrgKind, number> = { region: 0, municipality: 1, school: 2, institution: 3 };
  for (const list of byParent.values()) {
    list.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'ru'));
  }
  return byParent;
}
