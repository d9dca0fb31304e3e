import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { type OrgKind, orgUnits } from '../../db/schema/orgs.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, type AnyActor, isAdmin, isSystem, pathReadable } from '../access/actor.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { ensureDefaultMethodology } from '../identification/methodologies.js';
import {
  type CreateOrgUnitInput,
  createOrgUnitInput,
  type UpdateOrgUnitInput,
  updateOrgUnitInput,
} from './schemas.js';
import { codeUnavailable } from './school-code.js';

// Which kind of unit may sit under which: region → municipality → school; institutions under a region or municipality.
const ALLOWED_PARENT: Record<OrgKind, (OrgKind | null)[]> = {
  region: [null],
  municipality: ['region'],
  school: ['municipality'],
  institution: ['region', 'municipality'],
};

export type OrgUnitRow = typeof orgUnits.$inferSelect;

/** Access: every unit the actor may read (the whole tree for the admin). */
export async function listOrgUnits(db: Db, opts: { actor: Actor; kind?: OrgKind }): Promise<OrgUnitRow[]> {
  const conds = [pathReadable(opts.actor, orgUnits.path)];
  if (opts.kind) conds.push(eq(orgUnits.kind, opts.kind));
  const rows = await db
    .select()
    .from(orgUnits)
    .where(and(...conds));
  return rows.sort(byRussian((u) => u.name));
}

export async function getOrgUnit(db: Db, opts: { actor: Actor; id: string }): Promise<OrgUnitRow> {
  const [u] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, opts.id), pathReadable(opts.actor, orgUnits.path)));
  if (!u) throw notFound('Организация');
  return u;
}

/** Access: the administrator. `id` may be given by imports and the demo loader. */
export async function createOrgUnit(
  db: Db,
  opts: { actor: AnyActor; input: CreateOrgUnitInput; id?: string; isDemo?: boolean; audit?: boolean },
): Promise<OrgUnitRow> {
  const input = parseInput(createOrgUnitInput, opts.input);
  if (!isSystem(opts.actor) && !isAdmin(opts.actor))
    throw forbidden('Структуру организаций ведёт администратор');
  const [parent] = input.parentId
    ? await db.select().from(orgUnits).where(eq(orgUnits.id, input.parentId))
    : [];
  if (input.parentId && !parent)
    throw invalid('Вышестоящая организация не найдена', [{ field: 'parentId', message: 'Не найдена' }]);
  if (!ALLOWED_PARENT[input.kind].includes(parent?.kind ?? null)) {
    throw invalid('Такую организацию нельзя разместить здесь', [
      { field: 'parentId', message: 'Неподходящий уровень' },
    ]);
  }
  if (input.kind === 'institution' && !input.institutionType) {
    throw invalid('Укажите тип учреждения', [{ field: 'institutionType', message: 'Обязательно' }]);
  }
  if (input.inn) {
    const [dup] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.inn, input.inn));
    if (dup)
      throw invalid(`ИНН ${input.inn} уже указан у организации «${dup.name}»`, [
        { field: 'inn', message: 'Уже занят' },
      ]);
  }
  const id = opts.id ?? randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  if (input.code) {
    if (input.kind !== 'school') throw codeNotForKind();
    const taken = await codeUnavailable(db, input.code, path);
    if (taken) throw invalid(taken, [{ field: 'code', message: taken }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(orgUnits)
      .values({
        ...input,
        id,
        parentId: input.parentId,
        path,
        levels: input.levels ?? null,
        institutionType: input.kind === 'institution' ? (input.institutionType ?? 'other') : null,
        isDemo: opts.isDemo ?? false,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    if (row.kind === 'region') await ensureDefaultMethodology(tx, row.id);
    if (opts.audit !== false) {
      await recordEvent(
        tx,
        opts.actor,
        'org_unit.created',
        { entityType: 'org_unit', entityId: id, orgUnitId: id },
        { name: row.name, kind: row.kind },
      );
    }
    return row;
  });
}

const FIELDS = [
  'name',
  'shortName',
  'institutionType',
  'inn',
  'code',
  'oktmo',
  'address',
  'isRural',
  'isSmall',
  'levels',
  'pupils',
  'teachers',
  'director',
] as const;

const codeNotForKind = () =>
  invalid('Код ОО указывается только у школ', [{ field: 'code', message: 'Только для школ' }]);

/** Access: the administrator. */
export async function updateOrgUnit(
  db: Db,
  opts: { actor: Actor; id: string; input: z.input<typeof updateOrgUnitInput> },
) {
  const input: UpdateOrgUnitInput = parseInput(updateOrgUnitInput, opts.input);
  // A unit outside the actor's sight does not exist for him; one he sees he may not change unless admin.
  const before = await getOrgUnit(db, { actor: opts.actor, id: opts.id });
  if (!isAdmin(opts.actor)) throw forbidden('Структуру организаций ведёт администратор');
  if (before.version !== input.version) throw conflict({ version: before.version });
  const patch: Partial<OrgUnitRow> = {};
  for (const f of FIELDS) if (input[f] !== undefined) Object.assign(patch, { [f]: input[f] });
  if (patch.code && patch.code !== before.code) {
    if (before.kind !== 'school') throw codeNotForKind();
    const taken = await codeUnavailable(db, patch.code, before.path, before.id);
    if (taken) throw invalid(taken, [{ field: 'code', message: taken }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(orgUnits)
      .set({ ...patch, version: sql`${orgUnits.version} + 1`, updatedAt: new Date() })
      .where(and(eq(orgUnits.id, before.id), eq(orgUnits.version, input.version)))
      .returning();
    if (!row) throw conflict();
    const changes = diff(before, patch, [...FIELDS]);
    if (changes.length)
      await recordEvent(
        tx,
        opts.actor,
        'org_unit.updated',
        { entityType: 'org_unit', entityId: before.id, orgUnitId: before.id },
        { changes },
      );
    return row;
  });
}
