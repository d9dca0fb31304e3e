import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import type { Database } from '../../db/client.js';
import { attachmentDisposition, cleanFileName, saveFile } from './save-file.js';
import { databaseStorage } from './storage.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const RLO = '\u202e';

describe('file names', () => {
  it('strips direction overrides, marks and control characters', () => {
    expect(cleanFileName(`отчёт${RLO}fdp.exe`)).toBe('отчётfdp.exe');
    expect(cleanFileName('a\u200eb\u200fc\u202ad\u2066e\u2069f\u0007g\u0085h\u2028.pdf')).toBe(
      'abcdefgh.pdf',
    );
    expect(cleanFileName('..\\/etc/passwd')).toBe('..__etc_passwd');
    expect(cleanFileName(`${RLO}\u2067\u0000 `)).toBe('файл');
  });

  it('sends a safe Content-Disposition even for a name stored before cleaning', () => {
    const header = attachmentDisposition(`счёт${RLO}fdp.exe's (1)*`);
    expect(header).not.toMatch(/%E2%80%AE/i);
    expect(header).toBe(
      `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent('счётfdp.exe')}%27s%20%281%29_`,
    );
  });
});

describe.each(DB_KINDS)('saving a file on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.close());

  it('stores the cleaned name', async () => {
    const row = await saveFile(database.db, databaseStorage(database.db), {
      upload: { name: `протокол${RLO}txt.pdf`, data: PDF },
      userId: '00000000-0000-4000-8000-000000000001',
      maxBytes: 1024 * 1024,
    });
    expect(row.name).toBe('протоколtxt.pdf');
  });
});
