import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from '../access/actor.js';
import { importSchools } from './import-schools.js';
import {
  clearSchools,
  expectAppError,
  goodCsv,
  HEADER,
  importEventsOf,
  type SchoolsSetting,
  schoolsOf,
  setUpSchools,
  utf8,
} from './import-schools-setup.js';

// School import, what it writes: all rows or none, the dry run, updates by INN, the rollback when the
// write fails half-way, the refusals (a move, a duplicate INN, not the administrator), 1 000 rows.

type Unit = SchoolsSetting['region'];

let database: Database;
let penza: Unit;
let admin: Actor;

// One in-memory database for the file; each test starts without schools.
beforeAll(async () => {
  ({ database, penza, admin } = await setUpSchools());
});

beforeEach(async () => {
  await clearSchools(database.db);
});

afterAll(async () => {
  await database.close();
});

const schoolsIn = (municipalityId?: string) => schoolsOf(database.db, municipalityId);
const importEvents = () => importEventsOf(database.db);

describe('importSchools', () => {
  it('writes nothing when any row has an error, and reports rows and columns', async () => {
    const csv = [
      HEADER,
      'МБОУ СОШ № 1;;5834001234;Город Пенза;;;;;;;',
      'МБОУ СОШ № 2;;58340012;Город Пенза;;;;;;;',
      'МБОУ СОШ № 3;;5834003333;Нижний Новгород;;;;;;;',
      'МБОУ СОШ № 4;;5834004444;Город Пенза;;может быть;да;НОО, ВО;много;99999;',
      ';;;;;;;;;;',
      'Ш;;;;;;;;;;',
    ].join('\n');
    const res = await importSchools(database.db, {
      actor: admin,
      fileName: 'bad.csv',
      data: utf8(csv),
      dryRun: false,
    });
    expect(res).toMatchObject({ ok: false, total: 5, created: 0, updated: 0 });
    expect(res.errors).toEqual([
      { row: 3, field: 'ИНН', message: 'ИНН — 10 или 12 цифр' },
      { row: 4, field: 'Муниципалитет', message: 'Муниципалитет «Нижний Новгород» не найден в системе' },
      { row: 5, field: 'Тип местности', message: 'Ожидается «да» или «нет» («сельская» или «городская»)' },
      {
        row: 5,
        field: 'Уровни образования',
        message: 'Непонятный уровень «во»: укажите НОО, ООО, СОО через запятую',
      },
      { row: 5, field: 'Число обучающихся', message: 'Ожидается целое число' },
      { row: 5, field: 'Число педагогов', message: 'Не больше 2000' },
      { row: 7, field: 'Полное наименование', message: 'Укажите полное наименование' },
      { row: 7, field: 'ИНН', message: 'Укажите ИНН' },
      { row: 7, field: 'Муниципалитет', message: 'Укажите муниципалитет' },
    ]);
    expect(res.preview).toHaveLength(1); // the valid row, for the user to see what would happen
    expect(await schoolsIn()).toEqual([]);
    expect(await importEvents()).toEqual([]);
  });

  it('dryRun checks and previews but writes nothing', async () => {
    const res = await importSchools(database.db, {
      actor: admin,
      fileName: 'a.csv',
      data: utf8(goodCsv),
      dryRun: true,
    });
    expect(res).toMatchObject({ ok: true, dryRun: true, total: 3, created: 3, updated: 0, errors: [] });
    expect(res.preview).toHaveLength(3);
    expect(await schoolsIn()).toEqual([]);
    expect(await importEvents()).toEqual([]);
  });

  it('re-import updates schools by INN: only given fields, version + 1', async () => {
    const { db } = database;
    await importSchools(db, { actor: admin, fileName: 'a.csv', data: utf8(goodCsv), dryRun: false });
    const [before] = await db.select().from(orgUnits).where(eq(orgUnits.inn, '5834001234'));
    const csv = [
      'ИНН;Наименование;Муниципалитет;Число обучающихся;Директор',
      '5834001234;МБОУ СОШ № 1 г. Пензы;Город Пенза;1250;',
      '5809002345;МБОУ ООШ с. Анненково;Кузнецкий район «Пензенской» области;45;', // nothing changes
      '5834009999;МБОУ СОШ № 99;Город Пенза;10;Сидоров',
    ].join('\n');
    const dry = await importSchools(db, { actor: admin, fileName: 'b.csv', data: utf8(csv), dryRun: true });
    expect(dry).toMatchObject({ ok: true, created: 1, updated: 1 });
    const res = await importSchools(db, { actor: admin, fileName: 'b.csv', data: utf8(csv), dryRun: false });
    expect(res).toMatchObject({ ok: true, total: 3, created: 1, updated: 1 });
    expect(res.preview.map((p) => [p.row, p.action])).toEqual([
      [2, 'update'],
      [4, 'create'],
    ]);
    expect(res.warnings).toEqual(['Без изменений: 1 — данные в файле совпадают с данными в системе']);

    const [after] = await db.select().from(orgUnits).where(eq(orgUnits.inn, '5834001234'));
    expect(after).toMatchObject({
      id: before?.id,
      name: 'МБОУ СОШ № 1 г. Пензы',
      pupils: 1250,
      director: 'Иванов Иван Иванович', // empty cell: kept
      shortName: 'СОШ № 1', // no column: kept
      version: 2,
    });
    expect(after?.updatedAt.getTime()).toBeGreaterThanOrEqual(before?.updatedAt.getTime() ?? 0);
    const [same] = await db.select().from(orgUnits).where(eq(orgUnits.inn, '5809002345'));
    expect(same?.version).toBe(1);
    expect(await schoolsIn()).toHaveLength(4);
    expect((await importEvents()).map((e) => e.payload)).toEqual([
      { created: 3, updated: 0 },
      { created: 1, updated: 1 },
    ]);
  });

  it('rolls everything back when the write fails half-way (a school edited since the check)', async () => {
    const { db } = database;
    await importSchools(db, { actor: admin, fileName: 'a.csv', data: utf8(goodCsv), dryRun: false });
    const csv =
      'ИНН;Наименование;Муниципалитет\n5834000001;Новая школа;Город Пенза\n5834001234;Переименованная;Город Пенза\n';
    // Someone edits the school between the checks and the transaction.
    const racing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<Db['transaction']>) => {
          await target
            .update(orgUnits)
            .set({ version: sql`${orgUnits.version} + 1` })
            .where(eq(orgUnits.inn, '5834001234'));
          return target.transaction(...args);
        };
      },
    });
    await expectAppError(
      importSchools(racing, { actor: admin, fileName: 'b.csv', data: utf8(csv), dryRun: false }),
      'CONFLICT',
      /изменил другой пользователь. Ничего не записано/,
    );
    expect(await db.select().from(orgUnits).where(eq(orgUnits.inn, '5834000001'))).toEqual([]);
    const [s] = await db.select().from(orgUnits).where(eq(orgUnits.inn, '5834001234'));
    expect(s).toMatchObject({ name: 'МБОУ "СОШ № 1" г. Пензы; углублённое изучение', version: 2 });
    expect(await importEvents()).toHaveLength(1);
  });

  it('refuses to move a school to another municipality', async () => {
    const { db } = database;
    await importSchools(db, { actor: admin, fileName: 'a.csv', data: utf8(goodCsv), dryRun: false });
    const csv =
      'ИНН;Наименование;Муниципалитет\n5834001234;МБОУ СОШ № 1;Кузнецкий район Пензенской области\n';
    const res = await importSchools(db, { actor: admin, fileName: 'b.csv', data: utf8(csv), dryRun: false });
    expect(res.ok).toBe(false);
    expect(res.errors).toEqual([
      {
        row: 2,
        field: 'Муниципалитет',
        message:
          'Школа с ИНН 5834001234 уже есть в другом муниципалитете («Город Пенза»); перенос между муниципалитетами при импорте не выполняется',
      },
    ]);
    const [s] = await db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.inn, '5834001234'), eq(orgUnits.parentId, penza.id)));
    expect(s?.name).not.toBe('МБОУ СОШ № 1');
  });

  it('reports a duplicate INN on the second row', async () => {
    const csv =
      'ИНН;Наименование;Муниципалитет\n5834001234;Школа А;Город Пенза\n5834005678;Школа Б;Город Пенза\n5834001234;Школа В;Город Пенза\n';
    const res = await importSchools(database.db, {
      actor: admin,
      fileName: 'd.csv',
      data: utf8(csv),
      dryRun: false,
    });
    expect(res.ok).toBe(false);
    expect(res.errors).toEqual([
      { row: 4, field: 'ИНН', message: 'ИНН 5834001234 уже встречался в строке 2' },
    ]);
    expect(await schoolsIn()).toEqual([]);
  });

  it('is for the administrator only', async () => {
    const operator: Actor = {
      ...admin,
      assignments: admin.assignments.map((a) => ({ ...a, role: 'regional_operator' as const })),
    };
    await expectAppError(
      importSchools(database.db, { actor: operator, fileName: 'a.csv', data: utf8(goodCsv), dryRun: true }),
      'FORBIDDEN',
      /администратор/,
    );
  });

  // How long it takes is printed, not asserted (performance is measured by bench/, not by tests).
  it('imports and then updates 1 000 rows', async () => {
    const { db } = database;
    const lines = ['Наименование;ИНН;Муниципалитет;Уровни;Число обучающихся'];
    for (let i = 0; i < 1000; i++)
      lines.push(`МБОУ СОШ № ${i};${5800000000 + i};${i % 2 ? 'Город Пенза' : '56640000'};НОО, ООО;${i}`);
    const data = utf8(lines.join('\n'));
    const t0 = performance.now();
    const res = await importSchools(db, { actor: admin, fileName: 'big.csv', data, dryRun: false });
    const created = performance.now() - t0;
    expect(res).toMatchObject({ ok: true, total: 1000, created: 1000 });
    expect(res.preview).toHaveLength(500);
    const changed = utf8(lines.map((l, i) => (i ? l.replace(/;\d+$/, `;${i + 5000}`) : l)).join('\n'));
    const t1 = performance.now();
    const again = await importSchools(db, {
      actor: admin,
      fileName: 'big.csv',
      data: changed,
      dryRun: false,
    });
    const updated = performance.now() - t1;
    expect(again).toMatchObject({ ok: true, created: 0, updated: 1000 });
    console.info(`import 1000 rows: create ${Math.round(created)} ms, update ${Math.round(updated)} ms`);
    expect(await schoolsIn()).toHaveLength(1000);
  }, 30_000);
});
