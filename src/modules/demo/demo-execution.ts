import type { Db } from '../../db/client.js';
import type { ItemStatus } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import type { FileStorage } from '../files/storage.js';
import { addComment } from '../roadmaps/comments.js';
import { confirmItem } from '../roadmaps/confirm-item.js';
import { addEvidence } from '../roadmaps/evidence.js';
import { setItemStatus } from '../roadmaps/set-item-status.js';
import type { BuiltItem, BuiltRoadmap } from './demo-build.js';
import { evidenceFor } from './demo-files.js';
import type { Rng } from './demo-random.js';

// Execution state of the demo as of `today`: what is done (with evidence), what is late,
// what was confirmed or returned. Everything is done AS the users whose job it is.

export type ExecContext = {
  db: Db;
  storage: FileStorage;
  /** ISO date. */
  today: string;
};

/**
 * `evidenceRate`: share of done items that carry a second document besides the proof their rule
 * asks for (every done item has that one: «выполнено» is refused without it).
 */
export type Profile = {
  /** Share of items past their deadline that are done. */
  doneRate: number;
  /** Share of items due in the coming weeks that are already done. */
  earlyRate: number;
  /** Whether late items may be postponed or not done, with a reason. */
  setbacks: boolean;
  evidenceRate: number;
  /** At least this many of the earliest items are done whatever the date. */
  minDone?: number;
  /** This many of the latest items past their deadline stay in work (overdue). */
  leaveOpen?: number;
};

export const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** «14.11.2026» */
export const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const POSTPONED = [
  'Перенесено в связи с карантином по ОРВИ в школах муниципалитета',
  'Перенесено по согласованию с куратором: совмещено с выездом «Методического десанта»',
  'Перенесено на следующую четверть из-за замены ответственного специалиста',
];
const NOT_DONE = [
  'Не выполнено: не сформирован состав участников, мероприятие включено в план следующей четверти',
  'Не выполнено: специалист МОЦ находился на длительном больничном',
];

function plannedStatus(it: BuiltItem, today: string, p: Profile, rng: Rng): ItemStatus {
  const due = it.row.dueDate ?? '9999-12-31';
  const soon = addDays(today, 30);
  const started = (it.row.periodFrom ?? '9999-12') <= today.slice(0, 7) || it.row.recurrence !== null;
  if (due < today) return rng.chance(p.doneRate) ? 'done' : 'in_progress';
  if (due <= soon) return rng.chance(p.earlyRate) ? 'done' : rng.chance(0.7) ? 'in_progress' : 'planned';
  // Ahead of the plan means finishing what is already under way, not measures of the spring.
  if (started && due <= addDays(today, 60) && rng.chance(p.earlyRate / 2)) return 'done';
  return started ? 'in_progress' : 'planned';
}

/** Sets the status of every item of one roadmap as its keeper; returns the items now done. */
export async function executeRoadmap(
  ctx: ExecContext,
  keeper: Actor,
  roadmap: BuiltRoadmap,
  p: Profile,
  rng: Rng,
): Promise<BuiltItem[]> {
  const byDue = [...roadmap.items].sort((a, b) => (a.row.dueDate ?? '').localeCompare(b.row.dueDate ?? ''));
  const plan = new Map<BuiltItem, ItemStatus>();
  for (const it of byDue)
    plan.set(
      it,
      it.open ? (rng.chance(0.5) ? 'planned' : 'in_progress') : plannedStatus(it, ctx.today, p, rng),
    );
  const late = byDue.filter((i) => !i.open && (i.row.dueDate ?? '9999') < ctx.today).reverse();
  const keptOpen = late.slice(0, p.leaveOpen ?? 0);
  for (const it of keptOpen) plan.set(it, 'in_progress');
  const earliest = byDue.filter((i) => !i.open && !keptOpen.includes(i)).slice(0, p.minDone ?? 0);
  for (const it of earliest) plan.set(it, 'done');
  if (p.setbacks) {
    // A late unfinished item is sometimes formally postponed or declared not done, with the reason.
    for (const it of late) {
      if (plan.get(it) !== 'in_progress' || !rng.chance(0.5)) continue;
      plan.set(it, rng.chance(0.6) ? 'postponed' : 'not_done');
    }
  }
  const done: BuiltItem[] = [];
  for (const it of roadmap.items) {
    const status = plan.get(it) ?? 'planned';
    if (status === 'planned') continue;
    const comment =
      status === 'postponed' ? rng.pick(POSTPONED) : status === 'not_done' ? rng.pick(NOT_DONE) : null;
    const actualValue =
      status === 'done' || status === 'not_done' ? actualFor(it, status === 'done', rng) : undefined;
    // The proof comes first: «выполнено» without it is refused, as it is for any user.
    if (status === 'done') it.evidence = await attachProof(ctx, keeper, it, p, rng);
    it.row = await setItemStatus(ctx.db, {
      actor: keeper,
      itemId: it.row.id,
      input: { status, comment, actualValue, version: it.row.version },
    });
    if (status === 'done') done.push(it);
  }
  return done;
}

/** The synthetic documents (marked «демо») that prove a done item; returns their file ids. */
async function attachProof(ctx: ExecContext, keeper: Actor, it: BuiltItem, p: Profile, rng: Rng) {
  // Dated a few days before the deadline, or before today for what was done early.
  const due = it.row.dueDate ?? ctx.today;
  const when = due.localeCompare(ctx.today) < 0 ? due : ctx.today;
  const uploads = [evidenceFor(it.row, addDays(when, -rng.int(1, 12)), rng.int(12, 480))];
  // Some evidence is two documents: the order and the protocol of the meeting that prepared it.
  if (rng.chance(p.evidenceRate * 0.3))
    uploads.push(
      evidenceFor(
        { ...it.row, indicator: 'Протокол', evidenceKind: 'protocol' },
        addDays(when, -rng.int(13, 20)),
        rng.int(1, 40),
      ),
    );
  const ids: string[] = [];
  for (const { kind, ...upload } of uploads) {
    const file = await addEvidence(ctx.db, ctx.storage, {
      actor: keeper,
      itemId: it.row.id,
      upload,
      kind,
      maxBytes: 20 * 1024 * 1024,
    });
    ids.push(file.id);
  }
  return ids;
}

/** A measured result for a done item (reaching the target) or a not-done one (short of it). */
function actualFor(it: BuiltItem, reached: boolean, rng: Rng): number | undefined {
  const target = it.row.targetValue;
  if (target === null) return undefined;
  if (it.row.targetComparator === 'eq') return reached ? target : undefined;
  if (it.row.targetComparator === 'lte')
    return reached ? Math.max(0, target - rng.int(0, Math.ceil(target))) : target + rng.int(1, 3);
  if (it.row.targetUnit === '%')
    return reached ? rng.int(Math.ceil(target), 100) : rng.int(Math.floor(target / 2), Math.ceil(target) - 1);
  return reached ? target + rng.int(0, 2) : Math.max(0, target - rng.int(1, Math.ceil(target)));
}

/** The level above reviews done items: confirms, or returns one for rework with a reason. */
export async function review(
  ctx: ExecContext,
  reviewer: Actor,
  done: BuiltItem[],
  opts: { confirm: number; rng: Rng; returnOne?: string },
): Promise<BuiltItem[]> {
  const reviewed: BuiltItem[] = [];
  let toReturn = opts.returnOne;
  for (const it of done) {
    if (it.row.status !== 'done' || it.row.confirmation !== 'pending') continue;
    if (toReturn) {
      it.row = await confirmItem(ctx.db, {
        actor: reviewer,
        itemId: it.row.id,
        input: { decision: 'returned', comment: toReturn, version: it.row.version, seenFileIds: it.evidence },
      });
      toReturn = undefined;
      reviewed.push(it);
      continue;
    }
    if (!opts.rng.chance(opts.confirm)) continue;
    it.row = await confirmItem(ctx.db, {
      actor: reviewer,
      itemId: it.row.id,
      // The reviewer opened every file of the proof.
      input: { decision: 'confirmed', comment: null, version: it.row.version, seenFileIds: it.evidence },
    });
    reviewed.push(it);
  }
  return reviewed;
}

export async function comment(
  ctx: ExecContext,
  actor: Actor,
  it: BuiltItem | undefined,
  text: string,
): Promise<void> {
  if (!it) return;
  await addComment(ctx.db, { actor, itemId: it.row.id, text });
}
