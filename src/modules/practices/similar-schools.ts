import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identificationLists, identificationResults } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { practices } from '../../db/schema/practices.js';
import type { Role } from '../../db/schema/values.js';
import { AppError } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { positiveChangeOf } from '../analysis/positive-change.js';
import { includedSchoolsOfList } from '../identification/approved-lists.js';
import { readableUnit } from '../organisation/body-access.js';
import { listInForce } from '../organisation/list-in-force.js';
import { currentSchoolYear } from '../organisation/school-year.js';
import { authorPaths, practiceVisible } from './practice-access.js';
import { selectPractices, summariesOf } from './practice-rows.js';
import { resilientInForce } from './resilient.js';
import { PRACTICE_MSG, SIMILAR_WORDS } from './strings.js';
import type { SimilarSchoolsView } from './views.js';

// «Похожие школы» (issue 15 §2, point 5): for a school, the published practices of schools of the same
// cluster (by social context) of the run behind the ШНОР list in force that improved — left the ШНОР
// list in a later year, are resilient, or show a positive change (R grew, modules/analysis). Each
// suggestion says why.

/** The year each school last left the approved ШНОР list (in Y, out in the next approved list). */
async function leftListYears(db: Db, regionId: string): Promise<Map<string, number>> {
  const lists = await db
    .select({
      id: identificationLists.id,
      runId: identificationLists.runId,
      kind: identificationLists.kind,
      year: identificationLists.year,
    })
    .from(identificationLists)
    .where(
      and(
        eq(identificationLists.regionId, regionId),
        eq(identificationLists.kind, 'shnor'),
        eq(identificationLists.status, 'approved'),
      ),
    )
    .orderBy(asc(identificationLists.year));
  const members: Set<string>[] = [];
  for (const l of lists) members.push(await includedSchoolsOfList(db, l));
  const left = new Map<string, number>();
  for (let i = 1; i < lists.length; i++) {
    const prev = members[i - 1] ?? new Set<string>();
    const next = members[i] ?? new Set<string>();
    const year = lists[i]?.year ?? 0;
    for (const id of prev) if (!next.has(id)) left.set(id, year);
  }
  return left;
}

/** Schools whose R grew after their ШНОР year, with the year it grew in (the analysis module's rule). */
async function rGrewYears(db: Db, regionId: string): Promise<Map<string, number>> {
  const [region] = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      kind: orgUnits.kind,
      path: orgUnits.path,
      parentId: orgUnits.parentId,
    })
    .from(orgUnits)
    .where(eq(orgUnits.id, regionId));
  if (!region) return new Map();
  const change = await positiveChangeOf(db, { unit: { ...region, regionId }, actor: null });
  const year = change.year;
  if (year === null) return new Map();
  return new Map(change.schools.filter((s) => (s.rChange ?? 0) > 0).map((s) => [s.school.id, year + 1]));
}

/**
 * The improved schools of the school's cluster (the run behind the ШНОР list in force) with why each is
 * suggested; `list`/`cluster` null when there is no list or the school is not in its run.
 */
export async function improvedPeers(db: Db, regionId: string, schoolId: string) {
  const list = await listInForce(db, { regionId, year: currentSchoolYear(), kind: 'shnor' });
  const why = new Map<string, string>();
  if (!list) return { list: null, cluster: null, why };
  const [own] = await db
    .select({ cluster: identificationResults.cluster })
    .from(identificationResults)
    .where(and(eq(identificationResults.runId, list.runId), eq(identificationResults.schoolId, schoolId)));
  const cluster = own?.cluster ?? null;
  if (cluster === null) return { list, cluster: null, why };
  const peers = await db
    .select({ id: identificationResults.schoolId })
    .from(identificationResults)
    .where(
      and(
        eq(identificationResults.runId, list.runId),
        eq(identificationResults.cluster, cluster),
        ne(identificationResults.schoolId, schoolId),
      ),
    );
  const left = await leftListYears(db, regionId);
  const resilient = await resilientInForce(db, regionId);
  const grew = await rGrewYears(db, regionId);
  for (const { id } of peers) {
    const reasons: string[] = [];
    const l = left.get(id);
    if (l !== undefined) reasons.push(SIMILAR_WORDS.leftList(l));
    if (resilient.list && resilient.schools.has(id))
      reasons.push(SIMILAR_WORDS.resilient(resilient.list.year));
    const g = grew.get(id);
    if (g !== undefined) reasons.push(SIMILAR_WORDS.rGrew(g));
    if (reasons.length) why.set(id, [SIMILAR_WORDS.sameCluster, ...reasons].join(', '));
  }
  return { list, cluster, why };
}

const SIMILAR_ROLES: readonly Role[] = [
  'school_team',
  'curator',
  'municipal_coordinator',
  'regional_operator',
  'regional_center',
  'admin',
];

export async function similarSchools(
  db: Db,
  opts: { actor: Actor; schoolId: string },
): Promise<SimilarSchoolsView> {
  const { actor } = opts;
  const school = await readableUnit(db, actor, opts.schoolId);
  // The cluster and why peers improved are the school's management data: its team, its curator, the
  // municipality and the region — not a teacher or an expert who merely sees the school.
  const governs = actor.assignments.some(
    (a) => a.role === 'admin' || (SIMILAR_ROLES.includes(a.role) && school.path.startsWith(a.governingPath)),
  );
  if (!governs) throw new AppError('FORBIDDEN', PRACTICE_MSG.similarForbidden);
  const base = {
    school: { id: school.id, name: school.name },
    listYear: null,
    cluster: null,
    suggestions: [],
  };
  const { list, cluster, why } = await improvedPeers(db, regionOfPath(school.path) ?? '', school.id);
  if (!list) return { ...base, message: PRACTICE_MSG.noList };
  if (cluster === null) return { ...base, listYear: list.year, message: PRACTICE_MSG.noCluster };
  const rows = why.size
    ? await selectPractices(
        db,
        and(
          eq(practices.status, 'published'),
          inArray(practices.authorUnitId, [...why.keys()]),
          practiceVisible(actor, orgUnits.path, practices.status),
        ),
      )
    : [];
  const summaries = await summariesOf(db, rows, authorPaths(actor));
  const bySchool = new Map<string, typeof summaries>();
  for (const s of summaries) bySchool.set(s.authorUnitId, [...(bySchool.get(s.authorUnitId) ?? []), s]);
  const suggestions = [...bySchool.entries()]
    .map(([schoolId, list]) => ({
      schoolId,
      schoolName: list[0]?.authorName ?? '',
      why: why.get(schoolId) ?? '',
      practices: list,
    }))
    .sort(byRussian((s) => s.schoolName));
  return { ...base, listYear: list.year, cluster, message: null, suggestions };
}
