import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import { type Database, type Db, openPglite } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { decodeText, detectDelimiter, forEachCsvRecord } from '../files/csv.js';
import { headerField, IMPORT_MAX_ROWS, importSchools } from './import-schools.js';
import { createOrgUnit } from './org-units.js';
import { cellText, parseTable } from './parse-table.js';

type Unit = typeof orgUnits.$inferSelect;

let database: Database;
let region: Unit;
let penza: Unit;
let kuzn: Unit;
let admin: Actor;

// One in-memory database for the file (opening one takes about a second); each test starts without schools.
beforeAll(async () => {
  database = await openPglite(null);
  const { db } = database;
  region = await createOrgUnit(db, {
    actor: TEST_SYSTEM,
    input: { parentId: null, kind: 'region', name: 'Пензенская область' },
  });
  penza = await createOrgUnit(db, {
    actor: TEST_SYSTEM,
    input: { parentId: region.id, kind: 'municipality', name: 'Город Пенза', oktmo: '56701000' },
  });
  kuzn = await createOrgUnit(db, {
    actor: TEST_SYSTEM,
    input: {
      parentId: region.id,
      kind: 'municipality',
      name: 'Кузнецкий район «Пензенской» области',
      oktmo: '56640000',
    },
  });
  admin = {
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
});

beforeEach(async () => {
  await database.db.delete(orgUnits).where(eq(orgUnits.kind, 'school'));
  await database.db.delete(auditEvents);
});

afterAll(async () => {
  await database.close();
});

const BOM = '\uFEFF';
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Windows-1251 for the characters the tests use (ASCII, А–я, Ё/ё, «», №). */
function cp1251(s: string): Buffer {
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

const HEADER =
  'Полное наименование;Краткое наименование;ИНН;Муниципалитет;Адрес;Тип местности;Малокомплектная;Уровни образования;Число обучающихся;Число педагогов;Директор';

const goodCsv = [
  HEADER,
  '"МБОУ ""СОШ № 1"" г. Пензы; углублённое изучение";СОШ № 1;5834001234;ГОРОД  ПЕНЗА;"г. Пенза,\nул. Мира, 1";городская;нет;НОО, ООО, СОО;1 200;80;Иванов Иван Иванович',
  'МБОУ ООШ с. Анненково;ООШ с. Анненково;5809002345;"Кузнецкий район ""Пензенской"" области";;сельская;да;начальное, основное;45;9;',
  ';;;;;;;;;;', // an empty row is skipped
  'МБОУ СОШ с. Махалино;;580900234567;56640000;;1;0;1-11;;;',
].join('\r\n');

async function schoolsIn(municipalityId?: string) {
  const rows = await database.db.select().from(orgUnits).where(eq(orgUnits.kind, 'school'));
  return municipalityId ? rows.filter((r) => r.parentId === municipalityId) : rows;
}

async function importEvents() {
  return database.db.select().from(auditEvents).where(eq(auditEvents.type, 'org_units.imported'));
}

async function expectAppError(p: Promise<unknown>, code: string, message: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect((e as AppError).message).toMatch(message);
}

describe('importSchools', () => {
  it('creates schools from a UTF-8 CSV with BOM and semicolons', async () => {
    const { db } = database;
    const res = await importSchools(db, {
      actor: admin,
      fileName: 'школы.CSV',
      data: utf8(BOM + goodCsv),
      dryRun: false,
    });
    expect(res.errors).toEqual([]);
    expect(res).toMatchObject({ ok: true, dryRun: false, total: 3, created: 3, updated: 0, warnings: [] });
    expect(res.preview).toEqual([
      {
        row: 2,
        action: 'create',
        name: 'МБОУ "СОШ № 1" г. Пензы; углублённое изучение',
        inn: '5834001234',
        code: null,
        municipality: 'Город Пенза',
      },
      {
        row: 3,
        action: 'create',
        name: 'МБОУ ООШ с. Анненково',
        inn: '5809002345',
        code: null,
        municipality: kuzn.name,
      },
      {
        row: 5,
        action: 'create',
        name: 'МБОУ СОШ с. Махалино',
        inn: '580900234567',
        code: null,
        municipality: kuzn.name,
      },
    ]);

    const [s1] = await db.select().from(orgUnits).where(eq(orgUnits.inn, '5834001234'));
    expect(s1).toMatchObject({
      kind: 'school',
      parentId: penza.id,
      shortName: 'СОШ № 1',
      address: 'г. Пенза,\nул. Мира, 1',
      isRural: false,
      isSmall: false,
      levels: ['НОО', 'ООО', 'СОО'],
      pupils: 1200,
      teachers: 80,
      director: 'Иванов Иван Иванович',
      version: 1,
    });
    expect(s1?.path).toBe(`${penza.path}${s1?.id}/`);
    const [s2] = await db.select().from(orgUnits).where(eq(orgUnits.inn, '5809002345'));
    expect(s2).toMatchObject({
      parentId: kuzn.id,
      isRural: true,
      isSmall: true,
      levels: ['НОО', 'ООО'],
      director: null,
    });
    const [s3] = await db.select().from(orgUnits).where(eq(orgUnits.inn, '580900234567'));
    expect(s3).toMatchObject({
      parentId: kuzn.id,
      isRural: true,
      levels: ['НОО', 'ООО', 'СОО'],
      shortName: null,
    });

    const events = await importEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.userId,
      entityId: region.id,
      orgUnitId: region.id,
      payload: { created: 3, updated: 0 },
    });
  });

  it('reads a Windows-1251 CSV with commas and synonyms in the header', async () => {
    const csv = [
      '№ п/п,Наименование ОО,ИНН,Муниципальный район,Сельская местность,Уровни,Кол-во обучающихся,Кол-во учителей,Руководитель',
      '1,"МБОУ СОШ № 3, г. Пенза",5834003333,город пенза,нет,ноо,300,25,Петрова Алёна',
      '2,МБОУ «Лицей № 5»,5834005555,Город Пенза,,,,,',
    ].join('\n');
    const res = await importSchools(database.db, {
      actor: admin,
      fileName: 'list.csv',
      data: cp1251(csv),
      dryRun: false,
    });
    expect(res.errors).toEqual([]);
    expect(res).toMatchObject({ ok: true, created: 2, warnings: [] });
    const schools = await schoolsIn(penza.id);
    expect(schools.map((s) => s.name).sort()).toEqual(['МБОУ «Лицей № 5»', 'МБОУ СОШ № 3, г. Пенза']);
    expect(schools.find((s) => s.inn === '5834003333')).toMatchObject({
      director: 'Петрова Алёна',
      pupils: 300,
      teachers: 25,
      levels: ['НОО'],
      isRural: false,
    });
  });

  it('reads the first sheet of an XLSX: numbers, rich text, formulas, hyperlinks; errors carry sheet row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Школы');
    wb.addWorksheet('Другой лист').addRow(['ИНН', 'что-то']);
    ws.addRow(['Список школ Пензенской области']); // a title above the table
    ws.addRow([]);
    ws.addRow([
      'Полное наименование',
      'ИНН',
      'МО',
      'ОКТМО',
      'Малокомплектная',
      'Число обучающихся',
      'Примечание',
    ]);
    ws.addRow([
      { richText: [{ text: 'МБОУ ' }, { text: 'СОШ № 7', font: { bold: true } }] },
      5834007777,
      { text: 'Город Пенза', hyperlink: 'https://penza.ru' },
      56701000310,
      true,
      { formula: '100+20', result: 120 },
    ]);
    ws.addRow(['  МБОУ СОШ № 8  ', '5834008888', 'Город Пенза', null, 'нет', 50.0]);
    const valid = Buffer.from(await wb.xlsx.writeBuffer());
    ws.addRow(['МБОУ СОШ № 9', 123, 'Город Пенза']);
    ws.addRow(['МБОУ СОШ с. Ива', 5809009999, 'Кузнецкий район']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());

    const res = await importSchools(database.db, {
      actor: admin,
      fileName: 'schools.xlsx',
      data,
      dryRun: false,
    });
    expect(res.ok).toBe(false);
    expect(res.total).toBe(4);
    expect(res.errors).toEqual([
      { row: 6, field: 'ИНН', message: 'ИНН — 10 или 12 цифр' },
      { row: 7, field: 'МО', message: 'Муниципалитет «Кузнецкий район» не найден в системе' },
    ]);
    expect(res.warnings).toEqual(['Столбец «Примечание» не распознан и пропущен']);
    expect(await schoolsIn()).toEqual([]);

    const ok = await importSchools(database.db, {
      actor: admin,
      fileName: 'schools.xlsx',
      data: valid,
      dryRun: false,
    });
    expect(ok).toMatchObject({ ok: true, created: 2, errors: [] });
    const [s7] = await database.db.select().from(orgUnits).where(eq(orgUnits.inn, '5834007777'));
    expect(s7).toMatchObject({
      name: 'МБОУ СОШ № 7',
      parentId: penza.id,
      oktmo: '56701000310',
      isSmall: true,
      pupils: 120,
    });
    const [s8] = await database.db.select().from(orgUnits).where(eq(orgUnits.inn, '5834008888'));
    expect(s8).toMatchObject({ name: 'МБОУ СОШ № 8', isSmall: false, pupils: 50, oktmo: null });
  });

  it('finds the municipality by OKTMO when there is no municipality column', async () => {
    const csv =
      'Наименование;ИНН;ОКТМО\nМБОУ СОШ № 10;5834001010;56701000\nМБОУ СОШ с. Ира;5809001111;56640435101\n';
    const res = await importSchools(database.db, {
      actor: admin,
      fileName: 'a.csv',
      data: utf8(csv),
      dryRun: false,
    });
    expect(res.errors).toEqual([]);
    expect(res.preview.map((p) => p.municipality)).toEqual(['Город Пенза', kuzn.name]);
  });

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

  it('gives clear errors for unsupported, corrupt, empty and oversized files', async () => {
    const { db } = database;
    const run = (fileName: string, data: Buffer) =>
      importSchools(db, { actor: admin, fileName, data, dryRun: true });
    await expectAppError(
      run('setup.exe', Buffer.from('MZ\x90\x00')),
      'UNSUPPORTED_TYPE',
      /^Поддерживаются файлы XLSX и CSV$/,
    );
    await expectAppError(
      run('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])),
      'UNSUPPORTED_TYPE',
      /XLSX и CSV/,
    );
    await expectAppError(run('noext', utf8(goodCsv)), 'UNSUPPORTED_TYPE', /XLSX и CSV/);
    await expectAppError(
      run('broken.xlsx', Buffer.from('not a zip at all')),
      'INVALID_INPUT',
      /^Не удалось прочитать файл XLSX: /,
    );
    const zipHead = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    await expectAppError(run('broken.xlsx', zipHead), 'INVALID_INPUT', /^Не удалось прочитать файл XLSX: /);
    const good = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    await expectAppError(
      run('cut.xlsx', good.subarray(0, Math.floor(good.length / 2))),
      'INVALID_INPUT',
      /^Не удалось прочитать файл XLSX: /,
    );
    await expectAppError(run('empty.csv', Buffer.alloc(0)), 'INVALID_INPUT', /пустой/);
    await expectAppError(run('blank.csv', utf8(`${BOM}\r\n;;\r\n`)), 'INVALID_INPUT', /пустой/);
    await expectAppError(run('header.csv', utf8(`${HEADER}\r\n`)), 'INVALID_INPUT', /нет строк с данными/);
    await expectAppError(
      run('no-inn.csv', utf8('Наименование;Муниципалитет\nШкола;Город Пенза\n')),
      'INVALID_INPUT',
      /Не найден обязательный столбец «ИНН»/,
    );
    await expectAppError(
      run('junk.csv', utf8('a;b\n1;2\n')),
      'INVALID_INPUT',
      /«Полное наименование», «ИНН», «Муниципалитет»/,
    );
    const many = [
      'Наименование;ИНН;Муниципалитет',
      ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `Школа ${i};${5800000000 + i};Город Пенза`),
    ];
    await expectAppError(run('many.csv', utf8(many.join('\n'))), 'INVALID_INPUT', /больше 20\s000 строк/);
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

describe('parse-table', () => {
  it('parses quoted CSV fields with delimiters, quotes and line breaks', async () => {
    const records = async (text: string) => {
      const out: string[][] = [];
      await forEachCsvRecord(utf8(text), (cells) => out.push(cells));
      return out;
    };
    expect(await records('a;"b;c";"say ""hi"""\r\n"multi\nline";;x\n\nlast')).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['multi\nline', '', 'x'],
      [''],
      ['last'],
    ]);
    expect(await records('a,b\n')).toEqual([['a', 'b']]);
  });

  it('detects the delimiter', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n"1;2",2,3')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3')).toBe('\t');
    expect(detectDelimiter('one column')).toBe(';');
  });

  it('decodes UTF-8, UTF-8 with BOM, UTF-16 and Windows-1251', () => {
    expect(decodeText(utf8('Пенза'))).toBe('Пенза');
    expect(decodeText(utf8(`${BOM}Пенза`))).toBe('Пенза');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Пенза', 'utf16le')]))).toBe(
      'Пенза',
    );
    expect(decodeText(cp1251('Ёлкино «№ 1»'))).toBe('Ёлкино «№ 1»');
  });

  it('normalises XLSX cell values to strings', () => {
    expect(cellText(5834001234)).toBe('5834001234');
    expect(cellText(583400123456)).toBe('583400123456');
    expect(cellText(1701000, '00000000')).toBe('01701000');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText({ formula: 'A1', result: '  x ' })).toBe('x');
    expect(cellText({ sharedFormula: 'A1', result: 7 })).toBe('7');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
    expect(cellText(new Date(Date.UTC(2024, 8, 1)))).toBe('2024-09-01');
    expect(cellText(true)).toBe('true');
  });

  it('numbers CSV rows as records and skips empty ones', async () => {
    const t = await parseTable('x.csv', utf8('h1;h2\n"a\nb";1\n;\nc;2\n'));
    expect(t.rows).toEqual([
      { row: 1, cells: ['h1', 'h2'] },
      { row: 2, cells: ['a\nb', '1'] },
      { row: 4, cells: ['c', '2'] },
    ]);
    const limited = await parseTable('x.csv', utf8('a\nb\nc\n'), { maxRows: 2 });
    expect(limited).toMatchObject({ truncated: true, rows: [{ row: 1 }, { row: 2 }] });
  });

  it('recognises header synonyms', () => {
    const cases: Array<[string, string | null]> = [
      ['Полное наименование', 'name'],
      ['Наименование ОО', 'name'],
      ['Краткое наименование', 'shortName'],
      ['ИНН организации', 'inn'],
      ['Муниципальное образование', 'municipality'],
      ['МО', 'municipality'],
      ['Наименование муниципалитета', 'municipality'],
      ['ОКТМО', 'oktmo'],
      ['Адрес', 'address'],
      ['Тип местности', 'isRural'],
      ['Малокомплектная', 'isSmall'],
      ['Уровни', 'levels'],
      ['Обучающихся', 'pupils'],
      ['Кол-во учителей', 'teachers'],
      ['Педагогов', 'teachers'],
      ['ФИО руководителя', 'director'],
      ['Код ОО', 'code'],
      ['Код школы', 'code'],
      ['Код организации', 'code'],
      ['Код образовательной организации', 'code'],
      ['Код ОУ', 'code'],
      ['Логин ФИС ОКО', 'code'],
      ['Код ФИС ОКО', 'code'],
      ['Логин ОО в ФИС ОКО', 'code'],
      ['Идентификатор школы', 'code'],
      ['school_id', 'code'],
      ['School ID', 'code'],
      // «Код» does not steal the other codes of a school list.
      ['Код ОКТМО', 'oktmo'],
      ['Код по ОКТМО', 'oktmo'],
      ['ИНН (код организации)', 'inn'],
      ['Код МО', 'municipality'],
      ['Код муниципалитета', 'municipality'],
      ['Код ОКПО организации', null],
      ['ОГРН организации', null],
      ['Код', null],
      ['Наименование ОО в ФИС ОКО', 'name'],
      ['№ п/п', 'ignore'],
      ['Примечание', null],
    ];
    for (const [h, f] of cases) expect([h, headerField(h)]).toEqual([h, f]);
  });
});
