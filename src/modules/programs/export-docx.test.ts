import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { convertToPdf, libreOffice } from '../../../tests/helpers/libreoffice.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { databaseStorage } from '../files/storage.js';
import { approveDocument } from './approve-document.js';
import { createDocument } from './create-document.js';
import { exportDocumentDocx } from './export-docx.js';
import { attachDocumentOrderFile, readDocumentOrderFile } from './order-file.js';
import { decideAsCurator, sendToExpertise, submitDocument } from './transitions.js';

// The DOCX of a school document: the title page says who approved it, the tables carry the measures.

describe('school document DOCX', () => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let file: Buffer;
  let id: string;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    f = await buildRegion(database.db);
    const db = database.db;
    const doc = await createDocument(db, {
      actor: f.as('school1'),
      input: { schoolId: f.S1.id, year: 2026, kind: 'antirisk_program', factorCode: '10' },
    });
    id = doc.id;
    await submitDocument(db, { actor: f.as('school1'), documentId: id, input: { version: 1 } });
    await decideAsCurator(db, {
      actor: f.as('curator'),
      documentId: id,
      input: { decision: 'agree', version: 2 },
    });
    await sendToExpertise(db, { actor: f.as('region'), documentId: id, input: { version: 3 } });
    await approveDocument(db, {
      actor: f.as('region'),
      documentId: id,
      input: { version: 4, orderNumber: '17-п', orderDate: '2026-11-20' },
    });
    file = (await exportDocumentDocx(db, { actor: f.as('curator'), documentId: id })).data;
  });
  afterAll(() => database.close());

  it('has a title page with the order and the tables of indicators and measures', async () => {
    const xml = (await (await JSZip.loadAsync(file)).file('word/document.xml')?.async('string')) ?? '';
    for (const text of [
      'Школа 1',
      'УТВЕРЖДЕНО',
      'приказом № 17-п',
      'от 20.11.2026',
      'АНТИРИСКОВАЯ ПРОГРАММА «ВЫСОКАЯ ДОЛЯ ОБУЧАЮЩИХСЯ С РИСКАМИ УЧЕБНОЙ НЕУСПЕШНОСТИ»',
      'на 2026/2027 учебный год',
      'Целевые показатели',
      'План мероприятий',
      'Формирование реестра обучающихся с рисками учебной неуспешности с указанием причин',
    ])
      expect(xml, text).toContain(text);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2);
  });

  it('is not given to another school', async () => {
    const e = await exportDocumentDocx(database.db, { actor: f.as('school2'), documentId: id }).catch(
      (x) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('NOT_FOUND');
  });

  it('keeps the scanned order of the approval, given only to those who see the document', async () => {
    const db = database.db;
    const storage = databaseStorage(db);
    const upload = {
      name: 'приказ.pdf',
      data: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    };
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'OK',
        (e: AppError) => e.code,
      );
    expect(await code(readDocumentOrderFile(db, storage, { actor: f.as('curator'), documentId: id }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await code(
        attachDocumentOrderFile(db, storage, {
          actor: f.as('school1'),
          documentId: id,
          upload,
          maxBytes: 1e6,
        }),
      ),
    ).toBe('FORBIDDEN');
    await attachDocumentOrderFile(db, storage, {
      actor: f.as('mun1'),
      documentId: id,
      upload,
      maxBytes: 1e6,
    });
    const got = await readDocumentOrderFile(db, storage, { actor: f.as('teacher'), documentId: id });
    expect([got.file.name, got.data.equals(upload.data)]).toEqual(['приказ.pdf', true]);
    expect(await code(readDocumentOrderFile(db, storage, { actor: f.as('school2'), documentId: id }))).toBe(
      'NOT_FOUND',
    );
  });

  it.skipIf(!libreOffice)(
    'opens in LibreOffice',
    () => {
      const [pdf] = convertToPdf([{ name: 'program.docx', data: file }]);
      expect(pdf?.subarray(0, 4).toString()).toBe('%PDF');
    },
    180_000,
  );
});
