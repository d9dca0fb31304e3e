import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  deficitDiagnostics,
  diagnosticResults,
  individualRoutes,
  routeActivities,
  staffMembers,
} from '../../db/schema/people.js';
import type { RouteStatus } from '../../db/schema/values.js';
import type { Actor } from '../access/actor.js';
import { attachEvidence, confirmActivity, markActivityDone } from '../individual-routes/activity-status.js';
import { createRoute } from '../individual-routes/create-route.js';
import { approveRoute, closeRoute } from '../individual-routes/route-status.js';
import type { DemoRun } from './demo-run.js';

// The demo's individual routes (issue 14 §3), built by the operations themselves, as the school teams
// and the region's ЦНППМ (the `center` account) would: for the ШНОР teachers whose demo diagnostic shows
// a block at a level that needs a route, in several states — черновик, утверждён, выполняется (with a
// done and confirmed activity that has a certificate, and one waiting for confirmation), освоен, не
// освоен. A third of the teachers (and all past the seventh) are left without a route, so «нужен ИОМ»
// shows real names; in S1 the last two.
// The `teacher` account's route is in progress: one activity confirmed, the rest his to do.

const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const STATES: RouteStatus[] = ['in_progress', 'approved', 'draft', 'mastered', 'not_mastered'];

export async function loadDemoIndividualRoutes(run: DemoRun): Promise<void> {
  const { db } = run;
  const shnor = run.picks.shnor.map((s) => s.id);
  if (shnor.length === 0) return;
  const rows = await db
    .select({
      staffId: staffMembers.id,
      schoolId: staffMembers.schoolId,
      userId: staffMembers.userId,
      blockLevels: diagnosticResults.blockLevels,
      levels: deficitDiagnostics.levels,
    })
    .from(diagnosticResults)
    .innerJoin(deficitDiagnostics, eq(deficitDiagnostics.id, diagnosticResults.diagnosticId))
    .innerJoin(staffMembers, eq(staffMembers.id, diagnosticResults.staffMemberId))
    .where(and(inArray(staffMembers.schoolId, shnor), eq(deficitDiagnostics.year, run.year)))
    .orderBy(asc(staffMembers.schoolId), asc(staffMembers.code));
  const needing = rows.filter((r) =>
    Object.values(r.blockLevels).some((k) => r.levels.find((l) => l.key === k)?.needsRoute),
  );
  const center = run.users.main.center;
  const teacherUserId = run.users.main.teacher.userId;
  const bySchool = new Map<string, typeof needing>();
  for (const r of needing) bySchool.set(r.schoolId, [...(bySchool.get(r.schoolId) ?? []), r]);
  for (const [schoolId, teachers] of bySchool) {
    const team = run.users.schoolTeams.get(schoolId);
    if (!team) continue;
    const isS1 = schoolId === run.picks.s1.id;
    // States go round per school, so each school's first colleague route is in progress.
    let k = 0;
    for (const [i, t] of teachers.entries()) {
      const own = t.userId === teacherUserId;
      // At most five routes a school outside S1: enough for every state and for the coverage to show
      // real shares, and the demo loads in seconds (each route is a dozen operations).
      const leftOut = isS1 ? i >= teachers.length - 2 : i % 3 === 2 || i >= 7;
      if (leftOut && !own) continue;
      const state: RouteStatus = own ? 'in_progress' : (STATES[k % STATES.length] ?? 'draft');
      if (!own) k++;
      // The centre builds some routes in the other ШНОР; the account schools' routes are their teams' own.
      const accountSchool = isS1 || schoolId === run.picks.s2.id;
      const builder = k % 2 === 0 && !accountSchool ? center : team;
      await buildOne(run, {
        staffId: t.staffId,
        state,
        builder,
        team,
        teacher: own ? run.users.main.teacher : null,
      });
    }
  }
}

async function buildOne(
  run: DemoRun,
  o: { staffId: string; state: RouteStatus; builder: Actor; team: Actor; teacher: Actor | null },
) {
  const { db, today } = run;
  const { id } = await createRoute(db, {
    actor: o.builder,
    input: { staffMemberId: o.staffId, year: run.year, fromDeficits: true },
    today,
  });
  if (o.state === 'draft') return;
  const activities = await db
    .select({ id: routeActivities.id, version: routeActivities.version, kind: routeActivities.kind })
    .from(routeActivities)
    .where(eq(routeActivities.routeId, id))
    .orderBy(asc(routeActivities.sort));
  let version = (await approveRoute(db, { actor: o.team, routeId: id, version: 1 })).version;
  if (o.state === 'approved') return;
  const doer = o.teacher ?? o.team;
  const count = o.state === 'mastered' ? activities.length : o.state === 'in_progress' ? 2 : 1;
  for (const [n, a] of activities.slice(0, count).entries()) {
    let v = a.version;
    if (n === 0 || a.kind === 'course') {
      const ev = await attachEvidence(db, run.exec.storage, {
        actor: doer,
        activityId: a.id,
        version: v,
        upload: {
          name: a.kind === 'course' ? 'Удостоверение о повышении квалификации.pdf' : 'Отчёт.pdf',
          data: MINIMAL_PDF,
        },
        maxBytes: 1 << 20,
      });
      v = ev.version;
    }
    const done = await markActivityDone(db, {
      actor: doer,
      activityId: a.id,
      version: v,
      note: a.kind === 'course' ? 'Курсы пройдены, удостоверение приложено' : 'Выполнено',
      today,
    });
    // In a route in progress the second activity waits for the school's confirmation.
    if (o.state === 'in_progress' && n === 1) continue;
    await confirmActivity(db, { actor: o.team, activityId: a.id, version: done.version });
  }
  if (o.state === 'in_progress') return;
  version = await routeVersion(db, id);
  await closeRoute(db, {
    actor: o.team,
    routeId: id,
    input:
      o.state === 'mastered'
        ? {
            version,
            outcome: 'mastered',
            conclusion: 'Все действия выполнены и подтверждены; дефициты устранены',
          }
        : {
            version,
            outcome: 'not_mastered',
            conclusion: 'Маршрут выполнен частично',
            reason: 'Курсы перенесены ЦНППМ на следующий учебный год',
          },
  });
}

async function routeVersion(db: Db, id: string): Promise<number> {
  const [r] = await db
    .select({ version: individualRoutes.version })
    .from(individualRoutes)
    .where(eq(individualRoutes.id, id));
  return r?.version ?? 0;
}
