import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database, Db } from '../../db/client.js';
import {
  deleteTableTemplate,
  listTableTemplates,
  saveTableTemplate,
  templateForSignature,
} from './table-templates.js';
import type { TableMapping } from './tables/mapping.js';

const mapping = (year: number | null): TableMapping => ({
  sheet: 'Лист1',
  headerRows: [1, 2],
  layout: 'wide',
  columns: [
    { column: 1, field: 'school_code', group: null },
    { column: 2, field: 'participants', group: 0 },
    { column: 3, field: 'pct2', group: 0 },
  ],
  groups: [{ assessment: 'ВПР', subject: 'математика', grade: 5 }],
  fixed: { assessment: null, subject: null, grade: null, year },
});

describe.each(DB_KINDS)('saved mappings of assessment tables (%s)', (kind) => {
  let database: Database;
  let db: Db;
  let f: Awaited<ReturnType<typeof buildRegion>>;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    f = await buildRegion(db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('saves, overwrites the version seen, refuses a stale one and deletes, with history', async () => {
    const region = f.as('region');
    const first = await saveTableTemplate(db, {
      actor: region,
      input: { name: 'ВПР из ФИС ОКО', signature: 'sig-1', mapping: mapping(null) },
    });
    expect(first).toMatchObject({ name: 'ВПР из ФИС ОКО', version: 1, mapping: mapping(null) });
    expect(await templateForSignature(db, f.R.id, 'sig-1')).toMatchObject({ id: first.id });
    expect(await templateForSignature(db, f.R.id, 'sig-2')).toBeNull();
    // The same name without the version seen is not silently overwritten.
    await expect(
      saveTableTemplate(db, {
        actor: region,
        input: { name: 'ВПР из ФИС ОКО', signature: 's', mapping: mapping(2030) },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const second = await saveTableTemplate(db, {
      actor: region,
      input: { name: 'ВПР из ФИС ОКО', signature: 'sig-1', mapping: mapping(2030), version: 1 },
    });
    expect(second).toMatchObject({ id: first.id, version: 2, mapping: mapping(2030) });
    await expect(
      saveTableTemplate(db, {
        actor: region,
        input: { name: 'ВПР из ФИС ОКО', signature: 'sig-1', mapping: mapping(null), version: 1 },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // The region's staff read the list; a municipal coordinator may not write.
    expect((await listTableTemplates(db, { actor: f.as('center') })).map((t) => t.name)).toEqual([
      'ВПР из ФИС ОКО',
    ]);
    await expect(
      saveTableTemplate(db, {
        actor: f.as('mun1'),
        input: { name: 'Мой', signature: 's', mapping: mapping(null) },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const named = { name: 'ВПР из ФИС ОКО' };
    await expect(
      deleteTableTemplate(db, { actor: f.as('mun1'), ...named, version: 2 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(deleteTableTemplate(db, { actor: region, ...named, version: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await deleteTableTemplate(db, { actor: region, ...named, version: 2 });
    // Deleted meanwhile: a stale list, not a missing page; nor is it created anew by replacing it.
    await expect(
      saveTableTemplate(db, {
        actor: region,
        input: { ...named, signature: 's', mapping: mapping(null), version: 2 },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(deleteTableTemplate(db, { actor: region, ...named, version: 2 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await listTableTemplates(db, { actor: region })).toEqual([]);
    const events = await db.execute(
      sql`select type, payload from audit_events where entity_id = ${first.id} order by at`,
    );
    expect((events as unknown as { rows: { type: string }[] }).rows.map((r) => r.type)).toEqual([
      'assessment_table_template.saved',
      'assessment_table_template.saved',
      'assessment_table_template.deleted',
    ]);
  });

  it('of several templates with one signature the most recently saved applies', async () => {
    const region = f.as('region');
    const a = await saveTableTemplate(db, {
      actor: region,
      input: { name: 'А старый', signature: 'sig-many', mapping: mapping(null) },
    });
    const b = await saveTableTemplate(db, {
      actor: region,
      input: { name: 'Б новый', signature: 'sig-many', mapping: mapping(2030) },
    });
    expect(await templateForSignature(db, f.R.id, 'sig-many')).toMatchObject({ id: b.id });
    // Saving the older one again makes it the most recent.
    await saveTableTemplate(db, {
      actor: region,
      input: { name: 'А старый', signature: 'sig-many', mapping: mapping(null), version: a.version },
    });
    expect(await templateForSignature(db, f.R.id, 'sig-many')).toMatchObject({ id: a.id });
  });
});
