import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { practices } from '../../db/schema/practices.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { getPractice } from './get-practice.js';
import {
  type CreatePracticeInput,
  createPracticeInput,
  type UpdatePracticeInput,
  updatePracticeInput,
} from './input.js';
import { canAuthor, loadPractice } from './practice-access.js';
import { factorTitles, regionIdOf } from './practice-rows.js';
import { PRACTICE_MSG } from './strings.js';

// Writing a practice: its author's team creates a draft and edits it while it is a draft or returned.

async function checkFactors(db: Db, authorPath: string, keys: readonly string[] | undefined) {
  if (!keys?.length) return;
  const titles = await factorTitles(db, [regionIdOf(authorPath)]);
  const unknown = keys.find((k) => !titles.has(k));
  if (unknown)
    throw invalid(`${PRACTICE_MSG.unknownFactor}: ${unknown}`, [
      { field: 'riskFactors', message: PRACTICE_MSG.unknownFactor },
    ]);
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export async function createPractice(db: Db, opts: { actor: Actor; input: CreatePracticeInput }) {
  const { actor } = opts;
  const input = parseInput(createPracticeInput, opts.input);
  const [unit] = await db
    .select({ id: orgUnits.id, path: orgUnits.path, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.authorUnitId), pathReadable(actor, orgUnits.path)));
  if (!unit) throw notFound('Организация');
  if (unit.kind !== 'school' && unit.kind !== 'municipality') throw invalid(PRACTICE_MSG.authorKind);
  if (!canAuthor(actor, unit.path)) throw forbidden(PRACTICE_MSG.createForbidden);
  await checkFactors(db, unit.path, input.riskFactors);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(practices)
      .values({
        authorUnitId: unit.id,
        year: input.year,
        title: input.title,
        problem: input.problem,
        actions: input.actions,
        results: input.results,
        figures: input.figures,
        riskFactors: unique(input.riskFactors),
        subjects: unique(input.subjects),
        levels: unique(input.levels),
        contact: input.contact,
        createdBy: actor.userId,
      })
      .returning({ id: practices.id, title: practices.title });
    if (!row) throw new Error('practice not inserted');
    await recordEvent(
      tx,
      actor,
      'practice.created',
      { entityType: 'practice', entityId: row.id, orgUnitId: unit.id },
      { title: row.title, authorUnitId: unit.id },
    );
    return row.id;
  });
  return getPractice(db, { actor, practiceId: id });
}

const FIELDS = [
  'title',
  'year',
  'problem',
  'actions',
  'results',
  'figures',
  'riskFactors',
  'subjects',
  'levels',
  'contact',
] as const;

export async function updatePractice(
  db: Db,
  opts: { actor: Actor; practiceId: string; input: UpdatePracticeInput },
) {
  const { actor } = opts;
  const input = parseInput(updatePracticeInput, opts.input);
  const before = await loadPractice(db, actor, opts.practiceId);
  const p = before.practice;
  if (!canAuthor(actor, before.authorPath)) throw forbidden(PRACTICE_MSG.editForbidden);
  if (p.status !== 'draft' && p.status !== 'returned') throw invalid(PRACTICE_MSG.editState);
  if (p.version !== input.version) throw conflict({ version: p.version });
  await checkFactors(db, before.authorPath, input.riskFactors);
  const { version, ...patch } = input;
  const set = {
    ...patch,
    ...(patch.riskFactors ? { riskFactors: unique(patch.riskFactors) } : {}),
    ...(patch.subjects ? { subjects: unique(patch.subjects) } : {}),
    ...(patch.levels ? { levels: unique(patch.levels) } : {}),
  };
  const changes = diff(p, set, [...FIELDS]);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(practices)
      .set({ ...set, version: sql`${practices.version} + 1`, updatedAt: new Date() })
      .where(and(eq(practices.id, p.id), eq(practices.version, version)))
      .returning({ id: practices.id });
    if (!row) throw conflict();
    if (changes.length)
      await recordEvent(
        tx,
        actor,
        'practice.updated',
        { entityType: 'practice', entityId: p.id, orgUnitId: p.authorUnitId },
        { changes },
      );
  });
  return getPractice(db, { actor, practiceId: p.id });
}
