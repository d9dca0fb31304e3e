import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { orgUnits } from './orgs.js';
import type { EmailMode, NotificationKind } from './values.js';

// Notifications and escalation (issue 15 §3). A notification belongs to one user; `dedupe_key` is unique
// per user, so every producer inserts with ON CONFLICT DO NOTHING and a user never gets the same
// notification twice, however often the producers run or however many instances run them.

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** the object's page in the app, e.g. /roadmaps/<id>?item=<id> */
    link: text('link'),
    objectType: text('object_type'),
    objectId: text('object_id'),
    /** the unit the object belongs to (for escalation lists and filters) */
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** when it went out by e-mail (at once or in a digest); null — not yet or never */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    index('notifications_unsent_idx').on(t.createdAt).where(sql`${t.emailedAt} is null`),
  ],
);

/** A user's choice of e-mail; no row — the defaults (a daily digest, nothing at once). */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  emailMode: text('email_mode').$type<EmailMode>().notNull().default('digest'),
  /** kinds sent at once rather than in the digest */
  immediateKinds: text('immediate_kinds')
    .$type<NotificationKind[]>()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The region's rules of deadlines and escalation; no row — the defaults of the issue (7 and 14 days). */
export const escalationRules = pgTable('escalation_rules', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => orgUnits.id),
  enabled: boolean('enabled').notNull().default(true),
  /** «срок через N дней» is sent N days before a deadline */
  dueSoonDays: integer('due_soon_days').notNull().default(7),
  /** work of a school overdue this long is reported to its curator and municipal coordinator */
  schoolOverdueDays: integer('school_overdue_days').notNull().default(14),
  /** work of a municipality overdue this long is reported to the region */
  municipalityOverdueDays: integer('municipality_overdue_days').notNull().default(14),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Runs of the scheduled sweeps: one row per sweep and day. Inserting it with ON CONFLICT DO NOTHING
 * elects the one instance that runs the day's sweep, however many instances are up.
 */
export const scheduledRuns = pgTable(
  'scheduled_runs',
  {
    name: text('name').notNull(),
    day: date('day').notNull(),
    instance: text('instance').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** what it did, in Russian, or the error */
    outcome: text('outcome'),
  },
  (t) => [primaryKey({ columns: [t.name, t.day] })],
);
