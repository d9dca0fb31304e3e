// Who may do what in the demo region, written out by hand from DOMAIN.md §3 and the endpoint rules
// (src/modules/access/endpoint-rules.ts) — not computed by the code under test. The matrix compares
// every answer with these tables.

export const LOGINS = [
  'admin',
  'region',
  'center',
  'municipality',
  'curator',
  'school',
  'school2',
  'expert',
  'teacher',
  // The region's security officer (issue 17 §7): the audit log and nothing else.
  'security',
] as const;
export type Login = (typeof LOGINS)[number];
/** Everyone who takes part in the work: the security officer reads the audit log and nothing else. */
export const PARTICIPANTS: Login[] = LOGINS.filter((l) => l !== 'security');

/** Units of the demo used as objects: the region, the municipality of `municipality`, another one, two schools. */
export const UNITS = ['region', 'ownMunicipality', 'otherMunicipality', 'school', 'school2'] as const;
export type UnitKey = (typeof UNITS)[number];

const REGION_LEVEL: Login[] = ['admin', 'region', 'center', 'expert'];

/** Who reads the unit itself (its card, its drafts, its tasks): its subtree's readers. */
export const UNIT_READERS: Record<UnitKey, Login[]> = {
  region: REGION_LEVEL,
  ownMunicipality: [...REGION_LEVEL, 'municipality'],
  otherMunicipality: REGION_LEVEL,
  school: [...REGION_LEVEL, 'municipality', 'curator', 'school', 'teacher'],
  school2: [...REGION_LEVEL, 'school2'],
};

/** Who reads an approved roadmap of the unit: its subtree's readers plus every unit below it. */
export const APPROVED_READERS: Record<UnitKey, Login[]> = {
  region: [...LOGINS],
  ownMunicipality: [...REGION_LEVEL, 'municipality', 'curator', 'school', 'teacher'],
  otherMunicipality: [...REGION_LEVEL, 'school2'],
  school: UNIT_READERS.school,
  school2: UNIT_READERS.school2,
};

/** Who keeps the unit's roadmaps and executes the tasks addressed to it. */
export const KEEPERS: Record<UnitKey, Login[]> = {
  region: ['region'],
  ownMunicipality: ['municipality'],
  otherMunicipality: [],
  school: ['school'],
  school2: ['school2'],
};

/** Who confirms execution of the unit's measures: the level above (the region for itself). */
export const CONFIRMERS: Record<UnitKey, Login[]> = {
  region: ['region'],
  ownMunicipality: ['region'],
  otherMunicipality: ['region'],
  school: ['curator', 'municipality'],
  school2: [],
};

/** Rules without an object: who is let through; everybody else signed in gets 403. */
export const ROLE_RULES: Record<string, Login[]> = {
  'signed-in': [...LOGINS],
  admin: ['admin'],
  'roadmap-keeper': ['region', 'center', 'municipality', 'school', 'school2'],
  'region-level': REGION_LEVEL,
  'region-operator': ['region'],
  'data-loader': ['region', 'admin'],
  'risk-reference.read': [...REGION_LEVEL, 'municipality'],
  'risk-reference.keep': ['region', 'admin'],
  'expertise.organizer': [...REGION_LEVEL, 'municipality'],
  // Helper «people»: the curators' registry and the orders' appendices.
  'organise.people': ['region', 'municipality'],
  // Helper «audit» (issue 17 §7): the region's audit log.
  'audit.read': ['admin', 'security'],
};

/** Helper «people»: who appoints curators and mentors of each demo school (organise-access.ts). */
export const SCHOOL_ORGANISERS: Record<'school' | 'school2', Login[]> = {
  school: ['region', 'municipality'],
  school2: ['region'],
};

/** Helper «programs»: who takes each step of a school document's workflow (see modules/programs/document-access.ts). */
export const DOCUMENT_RIGHTS: Record<
  'school' | 'school2',
  Record<'keep' | 'curate' | 'govern' | 'discuss', Login[]>
> = {
  school: {
    keep: ['school'],
    curate: ['curator'],
    govern: ['region', 'municipality'],
    discuss: ['school', 'curator', 'municipality', 'region', 'center', 'expert'],
  },
  // school2's curator has no demo login; its municipality's coordinator neither.
  school2: {
    keep: ['school2'],
    curate: [],
    govern: ['region'],
    discuss: ['school2', 'region', 'center', 'expert'],
  },
};

/** Who sees each demo review (src/modules/expertise/review-access.ts, written out by hand). */
export const EXPERTISE_READERS = {
  /** the mutual review of the school's program by school2's team, a draft: the examined side does not see it */
  mutualReview: [...REGION_LEVEL, 'municipality', 'school2'],
  /** the expert's submitted review of the school's program: the examined side sees it */
  expertSubmitted: [...REGION_LEVEL, 'municipality', 'curator', 'school'],
  /** the expert's draft of another program of the municipality */
  expertDraft: [...REGION_LEVEL, 'municipality'],
  /** the expert's draft of the municipality's roadmap: the municipality sees it once submitted */
  roadmapReview: REGION_LEVEL,
} as const satisfies Record<string, readonly Login[]>;
/** Questionnaire campaigns (issue 11 §2): who runs a campaign of the unit (region, municipality only). */
export const CAMPAIGN_OWNERS: Record<UnitKey, Login[]> = {
  region: ['region'],
  ownMunicipality: ['municipality'],
  otherMunicipality: [],
  school: [],
  school2: [],
};
/** Who sees the demo's open campaign of the first municipality (a teacher answers by a link, reads none). */
export const CAMPAIGN_READERS: Login[] = [...REGION_LEVEL, 'municipality', 'curator', 'school'];

/** Helper «events»: who reads, keeps and registers for the demo's upcoming events (written out by hand). */
export const EVENT_RIGHTS = {
  /** ИРО's webinar for the region's ШНОР: everyone in the region reads it; ИРО's keepers keep it */
  regional: { sees: [...LOGINS], keep: ['center', 'region'] },
  /** the first municipality's seminar for all its schools: its subtree and the units below read it */
  municipal: {
    sees: [...REGION_LEVEL, 'municipality', 'curator', 'school', 'teacher'],
    keep: ['municipality'],
    register: ['municipality', 'school'],
  },
} as const satisfies Record<string, Record<string, readonly Login[]>>;

export type Outcome = 'allowed' | 403 | 404;

/** allowed / 403 (sees the object, may not act) / 404 (the object does not exist for him). */
export const outcome = (login: Login, sees: readonly Login[], may: readonly Login[]): Outcome =>
  may.includes(login) && sees.includes(login) ? 'allowed' : sees.includes(login) ? 403 : 404;

export { REGION_LEVEL };
