import { inArray } from 'drizzle-orm';
import { deficitDiagnostics, diagnosticResults, staffMembers } from '../../db/schema/people.js';
import type { DiagnosticBlock } from '../../db/schema/values.js';
import { DEFAULT_LEVELS, scoreResult } from '../diagnostics/levels.js';
import { createRng, seedOf } from './demo-random.js';
import { type DemoRun, orderDate } from './demo-run.js';

// The demo's diagnostic of professional deficits (issue 14 §3): the region's ЦНППМ diagnosed the
// teachers of the ШНОР in November; most took part. Scores are synthetic, drawn so that about a third
// of the teachers show high or critical deficits in some block — those get routes (demo-individual-routes).
// The `teacher` account has high deficits in the subject and methodological blocks.

export const DEMO_BLOCKS: DiagnosticBlock[] = [
  { key: 'subject', name: 'Предметный', maxScore: 20 },
  { key: 'methodical', name: 'Методический', maxScore: 15 },
  { key: 'psychological', name: 'Психолого-педагогический', maxScore: 10 },
  { key: 'legal', name: 'Нормативно-правовой', maxScore: 5 },
];

export async function loadDemoDiagnostics(run: DemoRun): Promise<void> {
  const { db } = run;
  const shnor = run.picks.shnor.map((s) => s.id);
  const [diagnostic] = await db
    .insert(deficitDiagnostics)
    .values({
      ownerUnitId: run.orgs.regionId,
      name: 'Диагностика профессиональных дефицитов педагогов ШНОР (демо)',
      conductedOn: orderDate(run, 11, 20),
      year: run.year,
      organiser: 'ЦНППМ Института развития образования (демо)',
      blocks: DEMO_BLOCKS,
      levels: DEFAULT_LEVELS,
      createdBy: run.users.main.center.userId,
    })
    .returning({ id: deficitDiagnostics.id });
  if (!diagnostic) throw new Error('demo diagnostic was not created');
  const staff = await db
    .select({ id: staffMembers.id, schoolId: staffMembers.schoolId, userId: staffMembers.userId })
    .from(staffMembers)
    .where(inArray(staffMembers.schoolId, shnor))
    .orderBy(staffMembers.code);
  const rng = createRng(seedOf('opora-demo-diagnostic'));
  const rows = [];
  for (const t of staff) {
    if (!t.userId && !rng.chance(0.88)) continue;
    // A teacher's general strength, then each block around it.
    const strength = t.userId ? 0.45 : 0.35 + rng.next() * 0.6;
    const scores: Record<string, number> = {};
    for (const b of DEMO_BLOCKS) {
      const share = t.userId && b.key === 'psychological' ? 0.8 : strength + (rng.next() - 0.5) * 0.3;
      scores[b.key] = Math.max(0, Math.min(b.maxScore, Math.round(share * b.maxScore)));
    }
    rows.push({
      diagnosticId: diagnostic.id,
      staffMemberId: t.id,
      schoolId: t.schoolId,
      scores,
      ...scoreResult(DEMO_BLOCKS, DEFAULT_LEVELS, scores),
      matchedBy: 'code' as const,
    });
  }
  if (rows.length) await db.insert(diagnosticResults).values(rows);
}
