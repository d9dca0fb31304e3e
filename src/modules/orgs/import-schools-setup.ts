import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import { type Database, type Db, openPglite } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { createOrgUnit } from './org-units.js';

// The setting of the school import tests (import-schools-files, import-schools-writes .test.ts) and the
// files they read (parse-table.test.ts reads some of them too).

type Unit = typeof orgUnits.$inferSelect;

export type SchoolsSetting = { database: Database; region: Unit; penza: Unit; kuzn: Unit; admin: Actor };

/** An in-memory database (opening one takes about a second): the region, two municipalities, its admin. */
export async function setUpSchools(): Promise<SchoolsSetting> {
  const database = await openPglite(null);
  const { db } = database;
  const region = await createOrgUnit(db, {
    actor: TEST_SYSTEM,
    input: { parentId: null, kind: 'region', name: 'Пензенская область' },
  });
  const penza = await createOrgUnit(db, {
    actor: TEST_SYSTEM,
    input: { parentId: region.id, kind: 'municipality', name: 'Город Пенза', oktmo: '56701000' },
  });
  const kuzn = await createOrgUnit(db, {
    actor: TEST_SYSTEM,
    input: {
      parentId: region.id,
      kind: 'municipality',
      name: 'Кузнецкий район «Пензенской» области',
      oktmo: '56640000',
    },
  });
  const admin: Actor = {
    kind: 'user',
    userId: randomUUID(),
    login: 'admin',
    fullName: 'Админ',
    assignments: [
      {
        role: 'admin',
        orgUnitId: region.id,
        unitName: '',
        unitKind: 'region',
        unitPath: region.path,
        governingId: region.id,
        governingPath: region.path,
      },
    ],
  };
  return { database, region, penza, kuzn, admin };
}

/** Each test starts without schools. */
export async function clearSchools(db: Db) {
  await db.delete(orgUnits).where(eq(orgUnits.kind, 'school'));
  await db.delete(auditEvents);
}

export const BOM = '\uFEFF';
export const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Windows-1251 for the characters the tests use (ASCII, А–я, Ё/ё, «», №). */
export function cp1251(s: string): Buffer {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c >= 0x410 && c <= 0x44f) bytes.push(c - 0x410 + 0xc0);
    else if (c === 0x401) bytes.push(0xa8);
    else if (c === 0x451) bytes.push(0xb8);
    else if (c === 0xab) bytes.push(0xab);
    else if (c === 0xbb) bytes.push(0xbb);
    else if (c === 0x2116) bytes.push(0xb9);
    else throw new Error(`no cp1251 byte for ${ch}`);
  }
  return Buffer.from(bytes);
}

export const HEADER =
  'Полное наименование;Краткое наименование;ИНН;Муниципалитет;Адрес;Тип местности;Малокомплектная;Уровни образования;Число обучающихся;Число педагогов;Директор';

export const goodCsv = [
  HEADER,
  '"МБОУ ""СОШ № 1"" г. Пензы; углублённое изучение";СОШ № 1;5834001234;ГОРОД  ПЕНЗА;"г. Пенза,\nул. Мира, 1";городская;нет;НОО, ООО, СОО;1 200;80;Иванов Иван Иванович',
  'МБОУ ООШ с. Анненково;ООШ с. Анненково;5809002345;"Кузнецкий район ""Пензенской"" области";;сельская;да;начальное, основное;45;9;',
  ';;;;;;;;;;', // an empty row is skipped
  'МБОУ СОШ с. Махалино;;580900234567;56640000;;1;0;1-11;;;',
].join('\r\n');

export async function schoolsOf(db: Db, municipalityId?: string) {
  const rows = await db.select().from(orgUnits).where(eq(orgUnits.kind, 'school'));
  return municipalityId ? rows.filter((r) => r.parentId === municipalityId) : rows;
}

export async function importEventsOf(db: Db) {
  return db.select().from(auditEvents).where(eq(auditEvents.type, 'org_units.imported'));
}

export async function expectAppError(p: Promise<unknown>, code: string, message: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect((e as AppError).message).toMatch(message);
}
