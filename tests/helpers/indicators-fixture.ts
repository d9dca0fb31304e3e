import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import {
  assessmentProcedures,
  assessmentResults,
  confirmationResults,
} from '../../src/db/schema/assessment.js';
import { auditEvents } from '../../src/db/schema/audit.js';
import {
  identificationLists,
  identificationResults,
  identificationRuns,
  listDecisions,
  methodologies,
} from '../../src/db/schema/identification.js';
import { riskCampaigns, riskInstruments, riskProfiles } from '../../src/db/schema/risk-profiles.js';
import { items, roadmaps, sections } from '../../src/db/schema/roadmaps.js';
import type { ItemStatus, RiskLevel } from '../../src/db/schema/values.js';
import { DEFAULT_INSTRUMENT } from '../../src/modules/risk-profiles/default-instrument.js';

// Hand-counted rows for the indicators' blocks (issue 13 §1): results, confirmations, a run's flags, a
// draft list with decisions, roadmap measures with the moment they were done, risk profiles before/after.

async function procedure(db: Db, assessment: string, subject: string, grade: number): Promise<number> {
  const [p] = await db
    .insert(assessmentProcedures)
    .values({ assessment, subject, grade })
    .onConflictDoNothing()
    .returning();
  if (p) return p.id;
  const rows = await db.select().from(assessmentProcedures);
  const found = rows.find((r) => r.assessment === assessment && r.subject === subject && r.grade === grade);
  if (!found) throw new Error('no procedure');
  return found.id;
}

/** [school, year, assessment, subject, grade, participants, mark2] */
export async function results(db: Db, rows: [string, number, string, string, number, number, number][]) {
  for (const [schoolId, year, a, s, g, participants, mark2] of rows)
    await db.insert(assessmentResults).values({
      schoolId,
      year,
      procedureId: await procedure(db, a, s, g),
      participants,
      mark2,
      mark3: participants - mark2,
      mark4: 0,
      mark5: 0,
    });
}

/** [school, year, subject, grade, participants, lowered, confirmed, raised] of ВПР */
export async function confirmations(
  db: Db,
  rows: [string, number, string, number, number, number, number, number][],
) {
  for (const [schoolId, year, s, g, participants, lowered, confirmed, raised] of rows)
    await db.insert(confirmationResults).values({
      schoolId,
      year,
      procedureId: await procedure(db, 'ВПР', s, g),
      participants,
      lowered,
      confirmed,
      raised,
    });
}

/** A run's flags for the schools (every other flag false). */
export async function runFlags(
  db: Db,
  runId: string,
  flags: Record<string, { shnor: boolean; stagnation?: boolean }>,
) {
  for (const [schoolId, f] of Object.entries(flags))
    await db.insert(identificationResults).values({
      runId,
      schoolId,
      shnor: f.shnor,
      shnsu: false,
      riskZone: false,
      resilient: false,
      stagnation: f.stagnation ?? false,
      repeat: false,
      exit: false,
      objectivity: false,
      lowProcedures: [],
      reasons: f.shnor ? ['Низкие результаты (тест)'] : [],
    });
}

export const runOfList = async (db: Db, listId: string) =>
  (await db.select().from(identificationLists).where(eq(identificationLists.id, listId)))[0]?.runId ?? '';

/** A draft ШНОР list: its run flags `flagged`; the operator includes and excludes. */
export async function draftList(
  db: Db,
  regionId: string,
  year: number,
  flagged: string[],
  decisions: { include?: string[]; exclude?: string[] },
) {
  const [m] = await db.select().from(methodologies).where(eq(methodologies.regionId, regionId));
  const [run] = await db
    .insert(identificationRuns)
    .values({ regionId, methodologyId: m?.id ?? '', year, status: 'done', finishedAt: new Date() })
    .returning();
  const runId = run?.id ?? '';
  const [list] = await db
    .insert(identificationLists)
    .values({ regionId, year, kind: 'shnor', runId })
    .returning();
  const listId = list?.id ?? '';
  await runFlags(db, runId, Object.fromEntries(flagged.map((id) => [id, { shnor: true }])));
  const d = (ids: string[] | undefined, decision: 'include' | 'exclude') =>
    (ids ?? []).map((schoolId) => ({ listId, schoolId, decision, reason: 'Решение (тест)' }));
  const all = [...d(decisions.include, 'include'), ...d(decisions.exclude, 'exclude')];
  if (all.length) await db.insert(listDecisions).values(all);
  return listId;
}

/** Measures of an approved roadmap: [status, due date, the day it was marked done (history) or null]. */
export async function measures(
  db: Db,
  unitId: string,
  year: number,
  rows: [ItemStatus, string, string | null][],
) {
  const [r] = await db
    .insert(roadmaps)
    .values({
      orgUnitId: unitId,
      title: 'Карта (тест)',
      kind: 'shnor_support',
      periodKind: 'school_year',
      periodYear: year,
      status: 'approved',
    })
    .returning();
  const roadmapId = r?.id ?? '';
  const [s] = await db.insert(sections).values({ roadmapId, position: 0, title: 'Раздел' }).returning();
  for (const [i, [status, dueDate, doneOn]] of rows.entries()) {
    const [it] = await db
      .insert(items)
      .values({
        roadmapId,
        sectionId: s?.id ?? '',
        position: i,
        measure: `Мероприятие ${i + 1}`,
        dueDate,
        status,
      })
      .returning();
    if (doneOn)
      await db.insert(auditEvents).values({
        at: new Date(`${doneOn}T12:00:00Z`),
        type: 'item.status_changed',
        entityType: 'item',
        entityId: it?.id ?? '',
        itemId: it?.id ?? '',
        roadmapId,
        payload: { from: 'planned', to: 'done', comment: null },
      });
  }
}

/** A baseline and a follow-up campaign of the region; profiles by school: factor → [before, after]. */
export async function riskChange(
  db: Db,
  regionId: string,
  year: number,
  bySchool: Record<string, Record<string, [RiskLevel, RiskLevel]>>,
) {
  const [ins] = await db
    .insert(riskInstruments)
    .values({
      regionId,
      code: `r${year}`,
      versionNo: 1,
      title: 'Анкеты',
      document: DEFAULT_INSTRUMENT,
      status: 'frozen',
    })
    .returning();
  const campaign = async (stage: 'baseline' | 'followup', baselineCampaignId: string | null) => {
    const [c] = await db
      .insert(riskCampaigns)
      .values({
        ownerUnitId: regionId,
        instrumentId: ins?.id ?? '',
        year,
        title: 'Анкетирование',
        stage,
        baselineCampaignId,
        groups: ['director'],
        opensOn: `${year}-02-01`,
        closesOn: `${year}-03-01`,
        status: 'closed',
      })
      .returning();
    return c?.id ?? '';
  };
  const before = await campaign('baseline', null);
  const after = await campaign('followup', before);
  const profile = (factors: [string, RiskLevel][]) => ({
    schoolId: '',
    groups: {},
    excludedGroups: [],
    factors: factors.map(([code, level]) => ({ code, score: null, level, items: [] })),
  });
  for (const [schoolId, f] of Object.entries(bySchool)) {
    const entries = Object.entries(f);
    await db.insert(riskProfiles).values([
      { campaignId: before, schoolId, result: profile(entries.map(([c, [b]]) => [c, b])) },
      { campaignId: after, schoolId, result: profile(entries.map(([c, [, a]]) => [c, a])) },
    ]);
  }
}
