import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { expertiseSamples } from '../../db/schema/expertise.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { AppError, forbidden, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { regionLevelRegions } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { drawSample } from './sample.js';
import { newSeed } from './seeded.js';
import { MSG } from './strings.js';
import { inUnit, loadScopeUnit, runsFor, schoolsInfo } from './units.js';
import { createSampleInput } from './values.js';

// Выборочная экспертиза: the organizer draws a share of the documents of a region or municipality, a year
// and (optionally) a kind. The population and the seed are recorded, so «повторить выбор» redraws from
// them and must give the same documents; it also says whether the documents of the scope changed since.

/** Documents past the curator's agreement: those that go to expertise or have been through it. */
const SAMPLED_STATUSES = ['agreed', 'expertise', 'rework', 'approved', 'published'] as const;

async function populationOf(db: Db, unitPath: string, year: number, kind: string | null): Promise<string[]> {
  const conds: SQL[] = [
    eq(schoolDocuments.year, year),
    inArray(schoolDocuments.status, [...SAMPLED_STATUSES]),
    inUnit(unitPath, orgUnits.path),
  ];
  if (kind) conds.push(eq(schoolDocuments.kind, kind as 'antirisk_program'));
  const rows = await db
    .select({ id: schoolDocuments.id })
    .from(schoolDocuments)
    .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
    .where(and(...conds));
  return rows.map((r) => r.id).sort();
}

type SampleRow = typeof expertiseSamples.$inferSelect;

async function view(db: Db, s: SampleRow, unitName: string) {
  const docs = s.selected.length
    ? await db
        .select({
          id: schoolDocuments.id,
          title: schoolDocuments.title,
          kind: schoolDocuments.kind,
          status: schoolDocuments.status,
          schoolId: schoolDocuments.schoolId,
        })
        .from(schoolDocuments)
        .where(inArray(schoolDocuments.id, s.selected))
    : [];
  const info = await schoolsInfo(
    db,
    docs.map((d) => d.schoolId),
  );
  return {
    id: s.id,
    unit: { id: s.ownerUnitId, name: unitName },
    year: s.year,
    kind: s.kind,
    share: s.share,
    seed: s.seed,
    population: s.population.length,
    createdAt: s.createdAt.toISOString(),
    documents: s.selected.map((id) => {
      const d = docs.find((x) => x.id === id);
      const i = d ? info.get(d.schoolId) : undefined;
      return {
        id,
        title: d?.title ?? '',
        kind: d?.kind ?? '',
        status: d?.status ?? '',
        school: i ? { id: i.id, name: i.name } : null,
        municipality: i?.municipalityId ? { id: i.municipalityId, name: i.municipalityName ?? '' } : null,
      };
    }),
  };
}
export type SampleView = Awaited<ReturnType<typeof view>>;

export async function createSample(db: Db, opts: { actor: Actor; input: z.input<typeof createSampleInput> }) {
  const input = parseInput(createSampleInput, opts.input);
  return db.transaction(async (tx) => {
    const unit = await loadScopeUnit(tx, opts.actor, input.unitId);
    if (!runsFor(opts.actor, unit)) throw forbidden(MSG.notOrganizer);
    const population = await populationOf(tx, unit.path, input.year, input.kind ?? null);
    if (population.length === 0) throw new AppError('INVALID_INPUT', MSG.noPopulation);
    const seed = input.seed ?? newSeed();
    const selected = drawSample(population, input.share, seed);
    const [row] = await tx
      .insert(expertiseSamples)
      .values({
        ownerUnitId: unit.id,
        year: input.year,
        kind: input.kind ?? null,
        share: input.share,
        seed,
        population,
        selected,
        createdBy: opts.actor.userId,
      })
      .returning();
    if (!row) throw new Error('sample not inserted');
    await recordEvent(
      tx,
      opts.actor,
      'expertise_sample.created',
      { entityType: 'expertise_sample', entityId: row.id, orgUnitId: unit.id },
      {
        year: input.year,
        share: input.share,
        seed,
        population: population.length,
        selected: selected.length,
      },
    );
    return view(tx, row, unit.name);
  });
}

/** Samples of the units the actor runs or reads below his organizer roles, newest first. */
export async function listSamples(db: Db, opts: { actor: Actor; year?: number }) {
  const organizer =
    regionLevelRegions(opts.actor).length > 0 ||
    opts.actor.assignments.some((a) => a.role === 'municipal_coordinator');
  if (!organizer) throw forbidden('Выборки видят роли уровня региона и муниципальные координаторы');
  const conds: SQL[] = [pathReadable(opts.actor, orgUnits.path)];
  if (opts.year !== undefined) conds.push(eq(expertiseSamples.year, opts.year));
  const rows = await db
    .select({ s: expertiseSamples, name: orgUnits.name, path: orgUnits.path })
    .from(expertiseSamples)
    .innerJoin(orgUnits, eq(orgUnits.id, expertiseSamples.ownerUnitId))
    .where(and(...conds))
    .orderBy(desc(expertiseSamples.createdAt));
  const out: SampleView[] = [];
  for (const r of rows) out.push(await view(db, r.s, r.name));
  return out;
}

/** «Повторить выбор»: the recorded population and seed drawn again, and today's population of the scope. */
export async function checkSample(db: Db, opts: { actor: Actor; sampleId: string }) {
  const [row] = await db
    .select({ s: expertiseSamples, path: orgUnits.path })
    .from(expertiseSamples)
    .innerJoin(orgUnits, eq(orgUnits.id, expertiseSamples.ownerUnitId))
    .where(and(eq(expertiseSamples.id, opts.sampleId), pathReadable(opts.actor, orgUnits.path)));
  if (!row) throw notFound('Выборка');
  const s = row.s;
  const redrawn = drawSample(s.population, s.share, s.seed);
  const current = await populationOf(db, row.path, s.year, s.kind);
  const fromCurrent = drawSample(current, s.share, s.seed);
  return {
    id: s.id,
    seed: s.seed,
    recorded: s.selected,
    redrawn,
    same: JSON.stringify(redrawn) === JSON.stringify(s.selected),
    populationChanged: JSON.stringify(current) !== JSON.stringify(s.population),
    fromCurrentPopulation: fromCurrent,
  };
}
