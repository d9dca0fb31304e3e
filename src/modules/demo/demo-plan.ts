import type { Profile } from './demo-execution.js';
import type { DemoMunicipality, DemoOrgs, DemoSchool } from './demo-orgs.js';
import { createRng, seedOf } from './demo-random.js';

// Who is ШНОР, who has a school roadmap, and how diligent each municipality and school is:
// the differences are what makes the roll-ups of the demo worth looking at.

/** ШНОР per municipality, by index: two municipalities have none, as happens in real regions. */
const SHNOR_COUNTS = [3, 3, 3, 3, 2, 3, 0, 3, 2, 3, 2, 2, 0, 1];

/**
 * Municipalities' execution, by index: some ahead of the plan, some far behind. Even the slowest
 * appointed its coordinator in September (minDone).
 */
export const MUNICIPAL_PROFILES: Profile[] = [
  // M1: everything past due is done but one item, plus the dated meeting left open (1–3 overdue).
  { doneRate: 1, earlyRate: 0.2, setbacks: false, evidenceRate: 0.8, minDone: 3, leaveOpen: 1 },
  { doneRate: 0.9, earlyRate: 0.2, setbacks: false, evidenceRate: 0.6, minDone: 2 },
  { doneRate: 0.75, earlyRate: 0.1, setbacks: true, evidenceRate: 0.5, minDone: 2 },
  { doneRate: 1, earlyRate: 0.6, setbacks: false, evidenceRate: 0.8, minDone: 2 },
  { doneRate: 0.5, earlyRate: 0, setbacks: true, evidenceRate: 0.3, minDone: 2 },
  { doneRate: 0.85, earlyRate: 0.2, setbacks: false, evidenceRate: 0.5, minDone: 2 },
  { doneRate: 0.95, earlyRate: 0.3, setbacks: false, evidenceRate: 0.4, minDone: 2 },
  { doneRate: 0.3, earlyRate: 0, setbacks: true, evidenceRate: 0.2, minDone: 2 },
  { doneRate: 0.8, earlyRate: 0.1, setbacks: false, evidenceRate: 0.5, minDone: 2 },
  { doneRate: 1, earlyRate: 0.4, setbacks: false, evidenceRate: 0.7, minDone: 2 },
  { doneRate: 0.6, earlyRate: 0, setbacks: true, evidenceRate: 0.3, minDone: 2 },
  { doneRate: 0.9, earlyRate: 0.2, setbacks: false, evidenceRate: 0.5, minDone: 2 },
  { doneRate: 0.4, earlyRate: 0, setbacks: true, evidenceRate: 0.2, minDone: 2 },
  { doneRate: 0.7, earlyRate: 0.1, setbacks: false, evidenceRate: 0.4, minDone: 2 },
];

export const REGIONAL_PROFILE: Profile = {
  doneRate: 0.9,
  earlyRate: 0.2,
  setbacks: false,
  evidenceRate: 0.7,
};

export type SchoolWithRoadmap = {
  school: DemoSchool;
  municipality: DemoMunicipality;
  profile: Profile;
  draft: boolean;
};

export type DemoPicks = {
  m1: DemoMunicipality;
  m2: DemoMunicipality;
  s1: DemoSchool;
  s2: DemoSchool;
  /** The curator's schools: S1 and another ШНОР of M1. */
  curated: DemoSchool[];
  shnor: DemoSchool[];
  shnorByMunicipality: Map<string, DemoSchool[]>;
  withRoadmap: SchoolWithRoadmap[];
};

/** Gymnasiums and lyceums are rarely among ШНОР; primary-only schools have no ОГЭ/ЕГЭ to judge by. */
const isPlainSchool = (s: DemoSchool) => !/Гимназия|Лицей|НОШ/.test(s.name);

export function pickSchools(orgs: DemoOrgs): DemoPicks {
  const rng = createRng(seedOf('opora-demo-shnor'));
  const [m1, m2] = orgs.municipalities;
  if (!m1 || !m2) throw new Error('demo needs at least two municipalities');
  const s1 = m1.schools.find((s) => s.isRural && s.name.includes('«СОШ'));
  const s2 = rng.pick(m2.schools.filter((s) => s.name.includes('«СОШ')));
  if (!s1) throw new Error('M1 has no rural secondary school');
  const byMunicipality = new Map<string, DemoSchool[]>();
  for (const m of orgs.municipalities) {
    const wanted = SHNOR_COUNTS[m.index] ?? 0;
    const fixed = [s1, s2].filter((s) => m.schools.includes(s));
    // Low results are more frequent in small rural schools: they are drawn first.
    const rest = rng
      .shuffle(m.schools.filter((s) => isPlainSchool(s) && !fixed.includes(s)))
      .sort((a, b) => Number(b.isRural) - Number(a.isRural));
    byMunicipality.set(m.id, [...fixed, ...rest].slice(0, wanted));
  }
  const shnor = orgs.municipalities.flatMap((m) => byMunicipality.get(m.id) ?? []);
  const s1b = byMunicipality.get(m1.id)?.find((s) => s !== s1);
  if (!s1b) throw new Error('M1 needs two ШНОР');

  const withRoadmap: SchoolWithRoadmap[] = [
    {
      school: s1,
      municipality: m1,
      draft: false,
      profile: { doneRate: 1, earlyRate: 0.2, setbacks: false, evidenceRate: 0.8, minDone: 4, leaveOpen: 1 },
    },
    {
      school: s2,
      municipality: m2,
      draft: false,
      profile: { doneRate: 0.85, earlyRate: 0.2, setbacks: false, evidenceRate: 0.6 },
    },
    {
      school: s1b,
      municipality: m1,
      draft: false,
      profile: { doneRate: 0.9, earlyRate: 0.3, setbacks: false, evidenceRate: 0.6 },
    },
  ];
  const others: [number, Profile, boolean][] = [
    [2, { doneRate: 0.7, earlyRate: 0.1, setbacks: true, evidenceRate: 0.4 }, false],
    [3, { doneRate: 1, earlyRate: 0.5, setbacks: false, evidenceRate: 0.7 }, false],
    [4, { doneRate: 0.5, earlyRate: 0, setbacks: true, evidenceRate: 0.3 }, false],
    [7, { doneRate: 0, earlyRate: 0, setbacks: false, evidenceRate: 0 }, true],
  ];
  for (const [index, profile, draft] of others) {
    const m = orgs.municipalities[index];
    const school = m ? byMunicipality.get(m.id)?.[0] : undefined;
    if (m && school) withRoadmap.push({ school, municipality: m, profile, draft });
  }
  return { m1, m2, s1, s2, curated: [s1, s1b], shnor, shnorByMunicipality: byMunicipality, withRoadmap };
}

/** The mentor school of a ШНОР: the largest school of its municipality that is not ШНОР itself. */
export function mentorOf(m: DemoMunicipality, shnor: DemoSchool[]): DemoSchool | undefined {
  return [...m.schools].filter((s) => !shnor.includes(s)).sort((a, b) => b.pupils - a.pupils)[0];
}
