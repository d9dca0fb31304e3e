import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { orgUnits } from './orgs.js';
import { staffMembers } from './people.js';
import type { PupilCategory, PupilExclusionReason, PupilMeasureKind, PupilStatus } from './values.js';

// Pupils at risk of academic failure (issue 14 §2). Personal data stay in the school (152-ФЗ): the name,
// the date of birth and a pair partner's name are stored encrypted by the application (`*_enc`,
// modules/pupils/pupil-crypto.ts) and only the school's team and the pupil's teachers read them; the
// levels above read counts. A record is deleted, not archived, after `purge_after`.

const stamps = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A pupil in the school's registry of неуспевающие и слабоуспевающие for a school year. */
export const pupilRecords = pgTable(
  'pupil_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    /** the first calendar year of the school year */
    year: smallint('year').notNull(),
    /** ФИО or initials, encrypted */
    nameEnc: text('name_enc').notNull(),
    birthDateEnc: text('birth_date_enc'),
    /** «7Б» */
    classLabel: text('class_label').notNull(),
    grade: smallint('grade').notNull(),
    category: text('category').$type<PupilCategory>().notNull(),
    subjects: text('subjects').array().notNull().default(sql`'{}'::text[]`),
    /** sub-cause keys of the reference (modules/pupils), each under one of the four groups */
    causes: text('causes').array().notNull().default(sql`'{}'::text[]`),
    /** обучающийся с ОВЗ */
    ovz: boolean('ovz').notNull().default(false),
    /** не владеет русским языком на уровне, достаточном для обучения */
    limitedRussian: boolean('limited_russian').notNull().default(false),
    /** the pupil's teachers (staff of the school): they see his card */
    teacherIds: uuid('teacher_ids').array().notNull().default(sql`'{}'::uuid[]`),
    includedOn: date('included_on', { mode: 'string' }).notNull(),
    excludedOn: date('excluded_on', { mode: 'string' }),
    exclusionReason: text('exclusion_reason').$type<PupilExclusionReason>(),
    exclusionNote: text('exclusion_note'),
    /** set at exclusion: the day the record is deleted */
    purgeAfter: date('purge_after', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [
    index('pupil_records_school_idx').on(t.schoolId, t.year),
    index('pupil_records_purge_idx').on(t.purgeAfter).where(sql`${t.purgeAfter} is not null`),
  ],
);

/** Support of a pupil: a trajectory, a mentoring pair, extra lessons, a parents' consultation, psychological help. */
export const pupilMeasures = pgTable(
  'pupil_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => pupilRecords.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<PupilMeasureKind>().notNull(),
    /** what is done; for a consultation of parents, its topic */
    topic: text('topic').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    responsibleStaffId: uuid('responsible_staff_id').references(() => staffMembers.id),
    /** the other pupil of a «ученик–ученик» pair, encrypted */
    partnerEnc: text('partner_enc'),
    notes: text('notes'),
    ...stamps,
  },
  (t) => [index('pupil_measures_record_idx').on(t.recordId)],
);

/** A school's (or the region's default) checkpoints of a school year: October, the ends of terms, July. */
export const pupilCheckpoints = pgTable(
  'pupil_checkpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the region (its default for every school) or a school (its own) */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    sort: smallint('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('pupil_checkpoints_uq').on(t.unitId, t.year, t.key)],
);

/** A pupil's state at a checkpoint: status and marks in the registry subjects. */
export const pupilResults = pgTable(
  'pupil_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => pupilRecords.id, { onDelete: 'cascade' }),
    checkpointKey: text('checkpoint_key').notNull(),
    status: text('status').$type<PupilStatus>().notNull(),
    /** term marks by subject */
    marks: jsonb('marks').$type<Record<string, number>>().notNull(),
    /** the class's diagnostic works, in words or as «12 из 20» */
    diagnostics: text('diagnostics'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    ...stamps,
  },
  (t) => [uniqueIndex('pupil_results_uq').on(t.recordId, t.checkpointKey)],
);
