import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from '../access/actor.js';
import { IMPORT_MAX_ROWS, importSchools } from './import-schools.js';
import {
  BOM,
  clearSchools,
  cp1251,
  expectAppError,
  goodCsv,
  HEADER,
  importEventsOf,
  type SchoolsSetting,
  schoolsOf,
  setUpSchools,
  utf8,
} from './import-schools-setup.js';

// School import, the files it reads: CSV in UTF-8 and Windows-1251, XLSX, the municipality by OKTMO, and
// clear errors for files it cannot read.

type Unit = SchoolsSetting['region'];

let database: Database;
let region: Unit;
let penza: Unit;
let kuzn: Unit;
let admin: Actor;

// One in-memory database for the file; each test starts without schools.
beforeAll(async () => {
  ({ database, region, penza, kuzn, admin } = await setUpSchools());
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

  it('gives clear errors for unsupported, corrupt, empty and oversized files', async () => {
    const { db } = database;
    const run = (fileName: string, data: Buffer) =>
      importSchools(db, { actor: admin, fileName, data, dryRun: true });
    await expectAppError(
      run('setup.exe', Buffer.from('MZ\x90\x00')),
      'UNSUPPORTED_TYPE',
      /^Поддерживаются файлы XLSX, ODS и CSV$/,
    );
    await expectAppError(
      run('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])),
      'UNSUPPORTED_TYPE',
      /XLSX, ODS и CSV/,
    );
    await expectAppError(run('noext', utf8(goodCsv)), 'UNSUPPORTED_TYPE', /XLSX, ODS и CSV/);
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
});
