import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type items, sections } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { createItems } from '../roadmaps/create-item.js';
import { createRoadmap } from '../roadmaps/create-roadmap.js';
import { dueDateOf, parseDeadline } from '../roadmaps/deadline.js';
import { kindFromIndicator } from '../roadmaps/proof-rule.js';
import { createItemInput, createRoadmapInput, updateRoadmapInput } from '../roadmaps/schemas.js';
import { createSection, updateSection } from '../roadmaps/sections.js';
import { listMyTasks, updateTask } from '../roadmaps/tasks.js';
import { updateRoadmap } from '../roadmaps/update-roadmap.js';
import type { ItemTemplate, ResponsibleKey, RoadmapTemplate } from './demo-content.js';
import type { Rng } from './demo-random.js';

// Builds demo roadmaps through the domain operations, acting as the user who keeps them,
// so that the history of every roadmap has real authors.

export type ItemRow = typeof items.$inferSelect;

/**
 * An item as created, with the template it came from; `open` items are kept unfinished on purpose.
 * `evidence`: the files attached as its proof, which a confirmation must have seen.
 */
export type BuiltItem = { row: ItemRow; tpl: ItemTemplate; open?: boolean; evidence?: string[] };
export type BuiltRoadmap = { id: string; version: number; unitId: string; items: BuiltItem[] };

/** An extra item placed at the end of a section (by index): the dated operational measures. */
export type ExtraItem = { section: number; tpl: ItemTemplate; open?: boolean };

export type BuildOptions = {
  template: RoadmapTemplate;
  orgUnitId: string;
  periodYear: number;
  subst: Record<string, string>;
  resp: Partial<Record<ResponsibleKey, string | null>>;
  targetUnitIds?: string[];
  /** Leaves out some optional items, so that roadmaps built from one template differ. */
  rng?: Rng;
  extra?: ExtraItem[];
  /** Leaves out items due before this ISO date: a draft written now plans nothing in the past. */
  skipDueBefore?: string;
};

export const fill = (text: string, subst: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (m, key: string) => subst[key] ?? m);

export async function buildRoadmap(db: Db, actor: Actor, o: BuildOptions): Promise<BuiltRoadmap> {
  const created = await createRoadmap(db, {
    actor,
    input: createRoadmapInput.parse({
      orgUnitId: o.orgUnitId,
      title: fill(o.template.title, o.subst),
      kind: o.template.kind,
      periodKind: 'school_year',
      periodYear: o.periodYear,
      targetUnitIds: o.targetUnitIds,
    }),
    isDemo: true,
  });
  // The section a new roadmap starts with (the whole read model of getRoadmap is not needed here).
  const [first] = await db
    .select({ id: sections.id, version: sections.version })
    .from(sections)
    .where(eq(sections.roadmapId, created.id))
    .orderBy(asc(sections.position))
    .limit(1);
  const built: BuiltItem[] = [];
  for (const [si, section] of o.template.sections.entries()) {
    const number = String(si + 1);
    const sectionId =
      si === 0 && first
        ? (
            await updateSection(db, {
              actor,
              sectionId: first.id,
              input: { number, title: section.title, version: first.version },
            })
          ).id
        : (await createSection(db, { actor, roadmapId: created.id, input: { number, title: section.title } }))
            .id;
    const list: { tpl: ItemTemplate; open?: boolean }[] = section.items
      .filter((tpl) => !(tpl.optional && o.rng?.chance(0.5)))
      .map((tpl) => ({ tpl }));
    for (const x of o.extra ?? []) if (x.section === si) list.push({ tpl: x.tpl, open: x.open });
    const period = { periodKind: 'school_year' as const, periodYear: o.periodYear };
    const past = (tpl: ItemTemplate) => {
      const text = fill(tpl.deadline, o.subst);
      return (
        o.skipDueBefore !== undefined && dueDateOf(parseDeadline(text, period), period) < o.skipDueBefore
      );
    };
    if (o.skipDueBefore) list.splice(0, list.length, ...list.filter((x) => !past(x.tpl)));
    // The section's measures in one operation: one insert each of rows, responsibles and history.
    const rows = await createItems(db, {
      actor,
      roadmapId: created.id,
      inputs: list.map(({ tpl }, ii) =>
        createItemInput.parse({
          sectionId,
          number: `${number}.${ii + 1}`,
          level: tpl.level ?? null,
          measure: fill(tpl.measure, o.subst),
          description: tpl.description ? fill(tpl.description, o.subst) : null,
          deadlineText: fill(tpl.deadline, o.subst),
          responsibleUnitIds: (tpl.resp ?? []).flatMap((k) => o.resp[k] ?? []),
          responsibleText: fill(tpl.responsible, o.subst),
          participants: tpl.participants ? fill(tpl.participants, o.subst) : null,
          indicator: fill(tpl.indicator, o.subst),
          targetComparator: tpl.target?.[0] ?? null,
          targetValue: tpl.target?.[1] ?? null,
          targetUnit: tpl.target?.[2] ?? null,
          // The demo's indicators name their document: it is the rule that proves them.
          evidenceKind: kindFromIndicator(fill(tpl.indicator, o.subst)),
        }),
      ),
    });
    rows.forEach((row, ii) => {
      const x = list[ii];
      if (x) built.push({ row, tpl: x.tpl, open: x.open });
    });
  }
  return { id: created.id, version: created.version, unitId: o.orgUnitId, items: built };
}

/** Approves by an order; an approved roadmap cascades its lower-level measures as tasks. */
export async function approveRoadmap(
  db: Db,
  actor: Actor,
  roadmap: BuiltRoadmap,
  order: { approvalBody: string; orderNumber: string; orderDate: string },
): Promise<void> {
  const updated = await updateRoadmap(db, {
    actor,
    roadmapId: roadmap.id,
    // The demo replays an approval its order made at the start of the year, before any deadline had
    // passed: the measures overdue by now are the demo's point, not a mistake to warn about.
    input: updateRoadmapInput.parse({
      ...order,
      status: 'approved',
      acknowledgePastDeadlines: true,
      version: roadmap.version,
    }),
  });
  roadmap.version = updated.version;
}

/** What the demo knows about a measure of an upper roadmap that cascades as tasks. */
export type SourceInfo = { key: string | null; dueDate: string | null };

export type TaskDecision = { status: 'done' | 'in_progress' | 'not_done'; comment: string | null } | null;

/**
 * Acting as the keeper of a unit: links each cascaded task to the unit's own item that executes it
 * (by the template's `links`), and gives the other tasks a status of their own via `decide`.
 */
export async function handleTasks(
  db: Db,
  actor: Actor,
  unitId: string,
  own: BuiltRoadmap | null,
  sources: Map<string, SourceInfo>,
  decide: (source: SourceInfo) => TaskDecision,
): Promise<{ linked: number; updated: number }> {
  const tasks = (await listMyTasks(db, { actor })).filter((t) => t.unit.id === unitId);
  let linked = 0;
  let updated = 0;
  for (const t of tasks) {
    const source = sources.get(t.source.itemId) ?? { key: null, dueDate: t.source.dueDate };
    const mine = source.key ? own?.items.find((i) => i.tpl.links === source.key) : undefined;
    if (mine) {
      await updateTask(db, { actor, taskId: t.id, input: { linkedItemId: mine.row.id, version: t.version } });
      linked++;
      continue;
    }
    const d = decide(source);
    if (!d) continue;
    await updateTask(db, {
      actor,
      taskId: t.id,
      input: { status: d.status, comment: d.comment, version: t.version },
    });
    updated++;
  }
  return { linked, updated };
}

/** Registers the items of an approved roadmap as task sources, for handleTasks. */
export function addSources(sources: Map<string, SourceInfo>, roadmap: BuiltRoadmap): void {
  for (const i of roadmap.items) sources.set(i.row.id, { key: i.tpl.key ?? null, dueDate: i.row.dueDate });
}
