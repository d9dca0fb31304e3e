import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { identificationLists } from '../../db/schema/identification.js';
import { analyticReports } from '../../db/schema/monitoring.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { publishDocument } from '../programs/transitions.js';
import { publishList } from '../publication/publish-list.js';
import { publishReport } from '../publication/publish-report.js';
import { publishRoadmap } from '../publication/publish-roadmap.js';
import { withdrawPublication } from '../publication/withdraw-publication.js';
import type { DemoRun } from './demo-run.js';

// Slot of helper «publish» (issue 15): the demo publishes, through the operations, what it approved —
// the regional roadmaps with execution shown, the first municipality's roadmap, a few schools' roadmaps,
// the approved school program, the issued report, the approved ШНОР list (counts only). One school's
// roadmap is published and withdrawn with a reason, and the other approved roadmaps stay unpublished:
// the public site has both to prove it hides them.

async function approvedRoadmapsOf(run: DemoRun, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return run.db
    .select({ id: roadmaps.id, orgUnitId: roadmaps.orgUnitId })
    .from(roadmaps)
    .where(and(inArray(roadmaps.orgUnitId, unitIds), eq(roadmaps.status, 'approved')))
    .orderBy(asc(roadmaps.title));
}

export async function loadDemoPublications(run: DemoRun): Promise<void> {
  const { db, orgs, picks, users } = run;
  const storage = run.exec.storage;
  const { region, municipality } = users.main;
  const publish = (actor: Actor, roadmapId: string, showExecution: boolean) =>
    publishRoadmap(db, storage, { actor, roadmapId, input: { showExecution } });

  for (const r of await approvedRoadmapsOf(run, [orgs.regionId])) await publish(region, r.id, true);
  const [m1Roadmap] = await approvedRoadmapsOf(run, [picks.m1.id]);
  if (m1Roadmap) await publish(municipality, m1Roadmap.id, true);

  // S1 shows its execution, S2 only the plan; a third school's is withdrawn; the rest stay unpublished.
  const schools = [picks.s1, picks.s2, ...picks.shnor.filter((s) => s !== picks.s1 && s !== picks.s2)];
  let published = 0;
  for (const s of schools) {
    const team = users.schoolTeams.get(s.id);
    const [r] = await approvedRoadmapsOf(run, [s.id]);
    if (!team || !r) continue;
    const p = await publish(team, r.id, published === 0);
    published++;
    if (published === 3) {
      await withdrawPublication(db, {
        actor: team,
        publicationId: p.id,
        input: { reason: 'Опубликована по ошибке: приказ об утверждении будет переиздан (демо)' },
      });
      break;
    }
  }

  const [doc] = await db
    .select({ id: schoolDocuments.id, version: schoolDocuments.version })
    .from(schoolDocuments)
    .where(and(eq(schoolDocuments.schoolId, picks.s2.id), eq(schoolDocuments.status, 'approved')))
    .limit(1);
  if (doc)
    await publishDocument(db, {
      actor: region,
      storage,
      documentId: doc.id,
      input: { version: doc.version },
    });

  const [report] = await db
    .select({ id: analyticReports.id })
    .from(analyticReports)
    .where(and(eq(analyticReports.orgUnitId, orgs.regionId), eq(analyticReports.status, 'issued')))
    .limit(1);
  if (report) await publishReport(db, { actor: region, reportId: report.id, input: {} });

  const [list] = await db
    .select({ id: identificationLists.id })
    .from(identificationLists)
    .where(
      and(
        eq(identificationLists.regionId, orgs.regionId),
        eq(identificationLists.kind, 'shnor'),
        eq(identificationLists.status, 'approved'),
      ),
    )
    .orderBy(desc(identificationLists.year))
    .limit(1);
  if (list) await publishList(db, storage, { actor: region, listId: list.id, input: { schoolNames: false } });
}
