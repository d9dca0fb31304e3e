import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { files } from './files.js';
import { orgUnits } from './orgs.js';
import type {
  Comparator,
  Confirmation,
  CoverageBinding,
  EvidenceKind,
  ItemStatus,
  Level,
  PeriodKind,
  Recurrence,
  RoadmapKind,
  RoadmapStatus,
} from './values.js';

export type {
  Comparator,
  Confirmation,
  EvidenceKind,
  ItemStatus,
  Level,
  PeriodKind,
  Recurrence,
  RoadmapKind,
  RoadmapStatus,
} from './values.js';
export {
  COMPARATORS,
  CONFIRMATIONS,
  EVIDENCE_KINDS,
  ITEM_STATUSES,
  LEVELS,
  PERIOD_KINDS,
  RECURRENCES,
  ROADMAP_KINDS,
  ROADMAP_STATUSES,
} from './values.js';

const stamps = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const roadmaps = pgTable(
  'roadmaps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    title: text('title').notNull(),
    kind: text('kind').$type<RoadmapKind>().notNull(),
    periodKind: text('period_kind').$type<PeriodKind>().notNull(),
    /** First calendar year of the period: 2022 means 2022/2023 for a school year. */
    periodYear: integer('period_year').notNull(),
    status: text('status').$type<RoadmapStatus>().notNull().default('draft'),
    approvalBody: text('approval_body'),
    orderNumber: text('order_number'),
    orderDate: date('order_date', { mode: 'string' }),
    orderFileId: uuid('order_file_id').references(() => files.id),
    isDemo: boolean('is_demo').notNull().default(false),
    /**
     * An archived record of a period that had ended when it was imported: its execution marks came
     * from the document («исполнено по данным документа»), it is never overdue and is read-only.
     */
    executionImported: boolean('execution_imported').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [index('roadmaps_org_idx').on(t.orgUnitId)],
);

export const sections = pgTable(
  'roadmap_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number'),
    title: text('title'),
    ...stamps,
  },
  (t) => [index('sections_roadmap_idx').on(t.roadmapId)],
);

export const items = pgTable(
  'roadmap_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    parentItemId: uuid('parent_item_id'),
    position: integer('position').notNull(),
    number: text('number'),
    level: text('level').$type<Level>(),
    measure: text('measure').notNull(),
    description: text('description'),
    deadlineText: text('deadline_text'),
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    recurrence: text('recurrence').$type<Recurrence>(),
    /** The last day the item may be done; derived from the deadline and the roadmap period. */
    dueDate: date('due_date', { mode: 'string' }),
    responsibleText: text('responsible_text'),
    participants: text('participants'),
    indicator: text('indicator'),
    targetComparator: text('target_comparator').$type<Comparator>(),
    targetValue: doublePrecision('target_value'),
    targetUnit: text('target_unit'),
    actualValue: doublePrecision('actual_value'),
    /**
     * The proof rule of the indicator (docs/decisions/0017-evidence-rules.md): a document of this kind must
     * be attached; a target value needs the actual one; with `targetCoverage` the actual value is the
     * share of lower units that executed the cascaded measure, computed, not typed. No rule: one file.
     */
    evidenceKind: text('evidence_kind').$type<EvidenceKind>(),
    targetCoverage: boolean('target_coverage').notNull().default(false),
    /**
     * The indicator bound to a coverage query (issue 12 §4): the actual value is computed by
     * modules/organisation/coverage.ts and written with `actualComputedAt`; unbound, it is typed.
     */
    coverageBinding: jsonb('coverage_binding').$type<CoverageBinding>(),
    actualComputedAt: timestamp('actual_computed_at', { withTimezone: true }),
    /** The keeper's written reason to accept «выполнено» without the proof the rule asks for. */
    proofWaiver: text('proof_waiver'),
    /** Files the confirmer had open when confirming: [{ id, name }]. */
    confirmationSeen: jsonb('confirmation_seen').$type<{ id: string; name: string }[]>(),
    status: text('status').$type<ItemStatus>().notNull().default('planned'),
    statusComment: text('status_comment'),
    confirmation: text('confirmation').$type<Confirmation>(),
    confirmationComment: text('confirmation_comment'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** Set when this item executes a task cascaded from a roadmap of the level above. */
    sourceItemId: uuid('source_item_id'),
    ...stamps,
  },
  (t) => [
    index('items_roadmap_idx').on(t.roadmapId),
    index('items_section_idx').on(t.sectionId),
    index('items_due_idx').on(t.dueDate),
    index('items_source_idx').on(t.sourceItemId),
  ],
);

export const itemResponsibles = pgTable(
  'roadmap_item_responsibles',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.orgUnitId] }), index('responsibles_org_idx').on(t.orgUnitId)],
);

/** A measure of a roadmap addressed to a lower level, as seen by one unit that must execute it. */
export const cascadeTasks = pgTable(
  'cascade_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceItemId: uuid('source_item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    linkedItemId: uuid('linked_item_id').references(() => items.id, { onDelete: 'set null' }),
    status: text('status').$type<ItemStatus>().notNull().default('planned'),
    comment: text('comment'),
    updatedBy: uuid('updated_by').references(() => users.id),
    ...stamps,
  },
  (t) => [
    uniqueIndex('cascade_tasks_uq').on(t.sourceItemId, t.orgUnitId),
    index('cascade_tasks_org_idx').on(t.orgUnitId),
  ],
);

/** Units a roadmap's lower-level measures are addressed to; none means every unit below the owner. */
export const roadmapTargets = pgTable(
  'roadmap_targets',
  {
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.roadmapId, t.orgUnitId] })],
);

export const itemEvidence = pgTable(
  'roadmap_item_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    kind: text('kind').$type<EvidenceKind>().notNull().default('other'),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_item_idx').on(t.itemId)],
);

export const itemComments = pgTable(
  'roadmap_item_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comments_item_idx').on(t.itemId)],
);

/**
 * A counter of committed changes to everything a roadmap card shows (roadmaps, sections, items and
 * their responsibles, evidence and comments, cascade tasks, org units), bumped by deferred triggers
 * (migration 0005) once per writing transaction, at its commit — so no writer can forget it. Split in
 * 64 rows by transaction id so that writers seldom wait for one another; readers take the sum. A card
 * kept in memory is served only while the sum is the one it was read with (roadmaps/card-cache.ts).
 */
export const cardGeneration = pgTable('card_generation', {
  shard: integer('shard').primaryKey(),
  n: bigint('n', { mode: 'number' }).notNull().default(0),
});
