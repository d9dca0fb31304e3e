import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { orgUnits } from '../../src/db/schema/orgs.js';
import { publications } from '../../src/db/schema/publication.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { type Login, UNIT_READERS } from './scope.js';

// Helper «publish» (issue 15 §1): the demo's current publications the matrix withdraws, and who sees and
// may act on each — written out by hand from src/modules/publication/rights.ts. Publishing endpoints
// reuse the objects of the roadmaps', documents', reports' and lists' samples; every write is sent with
// a stale version, so a permitted caller gets 409 and nothing changes.

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;

export type PublicationSamples = {
  /** the current publication of a regional roadmap */
  regionRoadmap: string;
  /** the current publication of the demo school's (S1's) roadmap */
  schoolRoadmap: string;
};

export async function publicationSamples(
  db: Db,
  regionId: string,
  schoolId: string,
): Promise<PublicationSamples> {
  const current = async (unitId: string) => {
    const [p] = await db
      .select({ id: publications.id })
      .from(publications)
      .innerJoin(orgUnits, eq(orgUnits.id, publications.orgUnitId))
      .where(
        and(
          eq(publications.orgUnitId, unitId),
          eq(publications.kind, 'roadmap'),
          isNull(publications.withdrawnAt),
          isNull(publications.supersededAt),
        ),
      )
      .limit(1);
    if (!p) throw new Error('no demo publication of the unit');
    return p.id;
  };
  return { regionRoadmap: await current(regionId), schoolRoadmap: await current(schoolId) };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

/** `delegate`: the matrix's own cases of another rule (the object's rule decides who sees it). */
export function publicationCases(
  rule: string,
  s: Samples,
  user: Target['user'],
  delegate: (rule: string) => Case[] | null,
): Case[] | null {
  const target = (extra: Partial<Target> = {}): Target => ({ all: s, user, ...extra });
  switch (rule) {
    case 'publication.object':
      // The object is named in the query: one case per unit's approved roadmap, as `roadmap.read` sees it.
      return (delegate('roadmap.read') ?? []).filter((c) => c.target.unit);
    case 'publication.roadmap':
      return delegate('roadmap.keep');
    case 'publication.document':
      return delegate('document.govern');
    case 'publication.report':
      return [
        {
          label: 'issuedReport',
          params: { id: s.reports.issuedId },
          target: target(),
          sees: UNIT_READERS.region,
          may: ['region'],
        },
      ];
    case 'publication.list':
      return (delegate('list.keep') ?? []).map((c) => ({ ...c, may: c.may.length ? ['region'] : [] }));
    case 'publication.withdraw':
      return [
        {
          label: 'regionRoadmap',
          params: { id: s.publications.regionRoadmap },
          target: target(),
          sees: UNIT_READERS.region,
          may: ['region'],
        },
        {
          label: 'schoolRoadmap',
          params: { id: s.publications.schoolRoadmap },
          target: target(),
          sees: UNIT_READERS.school,
          may: ['school'],
        },
      ];
    default:
      return null;
  }
}

/** What the matrix sends: stale versions (409 for the permitted), the object of the case in the query. */
export const PUBLICATION_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'GET /api/publications/object': (t) => ({ query: `kind=roadmap&objectId=${t.unit?.roadmapId ?? ''}` }),
  'POST /api/publications/roadmaps/{id}': () => ({ body: { showExecution: true, version: STALE } }),
  'POST /api/publications/school-documents/{id}': () => ({ body: { version: STALE } }),
  'POST /api/publications/reports/{id}': () => ({ body: { version: STALE } }),
  'POST /api/publications/lists/{id}': () => ({ body: { schoolNames: false, version: STALE } }),
  'POST /api/publications/{id}/withdraw': () => ({ body: { reason: 'Проверка доступа', version: STALE } }),
};
