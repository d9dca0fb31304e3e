import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { riskCampaigns, riskInstruments } from '../../db/schema/risk-profiles.js';
import { AppError } from '../../lib/errors.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { createInstrumentVersion } from './create-instrument-version.js';
import { DEFAULT_INSTRUMENT } from './default-instrument.js';
import { deleteInstrument } from './delete-instrument.js';
import { freezeInstrument } from './freeze-instrument.js';
import { getInstrument, getSystemDraft } from './get-instrument.js';
import { getRiskFactors } from './get-risk-factors.js';
import { importInstrument } from './import-instrument.js';
import type { Instrument } from './instrument.js';
import { listInstruments } from './list-instruments.js';
import { saveRiskFactors } from './save-risk-factors.js';
import { updateInstrument } from './update-instrument.js';

const failure = async (p: Promise<unknown> | unknown) => {
  try {
    await p;
    return { code: 'OK', message: '', fields: [] as string[] };
  } catch (e) {
    if (e instanceof AppError)
      return { code: e.code, message: e.message, fields: (e.details?.fields ?? []).map((x) => x.field) };
    throw e;
  }
};

describe.each(DB_KINDS)('instruments and risk factors on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
  });
  afterAll(() => database.close());

  it('the system draft and the list are for region-level roles and municipal coordinators only', async () => {
    expect(getSystemDraft({ actor: f.as('mun2') }).items).toEqual({
      director: 35,
      teacher: 28,
      pupil: 19,
      parent: 13,
    });
    expect(await listInstruments(database.db, { actor: f.as('expert') })).toEqual([]);
    for (const login of ['school1', 'curator', 'teacher']) {
      expect((await failure((async () => getSystemDraft({ actor: f.as(login) }))())).code).toBe('FORBIDDEN');
      expect((await failure(listInstruments(database.db, { actor: f.as(login) }))).code).toBe('FORBIDDEN');
    }
  });

  it('makes versions from the system draft and from a version; only the operator and the admin write', async () => {
    expect(
      (await failure(createInstrumentVersion(database.db, { actor: f.as('mun1'), basedOnId: null }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(createInstrumentVersion(database.db, { actor: f.as('center'), basedOnId: null }))).code,
    ).toBe('FORBIDDEN');
    const v1 = await createInstrumentVersion(database.db, { actor: f.as('region'), basedOnId: null });
    expect(v1).toMatchObject({
      code: DEFAULT_INSTRUMENT.id,
      versionNo: 1,
      status: 'draft',
      version: 1,
      usedBy: [],
    });
    expect(v1.document.items).toEqual(DEFAULT_INSTRUMENT.items);
    expect(v1.document.systemDraft).toBeUndefined();
    const v2 = await createInstrumentVersion(database.db, { actor: f.as('admin'), basedOnId: v1.id });
    expect(v2).toMatchObject({ code: v1.code, versionNo: 2, status: 'draft' });
    expect(v2.document.version).toBe(2);
    const list = await listInstruments(database.db, { actor: f.as('mun1') });
    expect(list.map((i) => i.versionNo)).toEqual([2, 1]);
    expect(
      (await failure(createInstrumentVersion(database.db, { actor: f.as('mun1'), basedOnId: v1.id }))).code,
    ).toBe('FORBIDDEN');
    await deleteInstrument(database.db, { actor: f.as('region'), id: v2.id, version: 1 });
  });

  it('saves a draft whole with its version; Russian messages with paths; a frozen version never changes', async () => {
    const [v1] = await listInstruments(database.db, { actor: f.as('region') });
    if (!v1) throw new Error('no version');
    const doc = (await getInstrument(database.db, { actor: f.as('region'), id: v1.id })).document;
    const edited: Instrument = structuredClone(doc);
    const k = edited.items.findIndex((i) => i.options);
    const option = edited.items[k]?.options?.[1];
    if (!option) throw new Error('no option');
    option.risk = 0.5;
    const saved = await updateInstrument(database.db, {
      actor: f.as('region'),
      id: v1.id,
      version: 1,
      document: edited,
    });
    expect(saved.version).toBe(2);
    expect(saved.document.items[k]?.options?.[1]?.risk).toBe(0.5);
    // stale version
    expect(
      (
        await failure(
          updateInstrument(database.db, { actor: f.as('region'), id: v1.id, version: 1, document: edited }),
        )
      ).code,
    ).toBe('CONFLICT');
    // a reader cannot write; another region's reader does not see it
    expect(
      (
        await failure(
          updateInstrument(database.db, { actor: f.as('mun1'), id: v1.id, version: 2, document: edited }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    // bad values: every problem with its path
    const bad = structuredClone(edited);
    const badOption = bad.items[k]?.options?.[0];
    if (!badOption) throw new Error('no option');
    badOption.risk = 2;
    const f1 = await failure(
      updateInstrument(database.db, { actor: f.as('region'), id: v1.id, version: 2, document: bad }),
    );
    expect(f1.code).toBe('INVALID_INPUT');
    expect(f1.fields).toEqual([`items[${k}].options[0].risk`]);
    expect(f1.message).toMatch(/Риск — от 0 до 1/);
    const bad2 = structuredClone(edited) as Instrument & { items: Record<string, unknown>[] };
    bad2.items[1] = { ...bad2.items[1], section: 'p-home' } as never;
    bad2.items[2] = { ...bad2.items[2], factor: '99' } as never;
    const f2 = await failure(
      updateInstrument(database.db, { actor: f.as('region'), id: v1.id, version: 2, document: bad2 }),
    );
    expect(f2.fields).toEqual(['items[2].factor']);
    const bad3 = structuredClone(edited) as Instrument & { items: Record<string, unknown>[] };
    bad3.items[1] = { ...bad3.items[1], section: 'p-home' } as never;
    const f3 = await failure(
      updateInstrument(database.db, { actor: f.as('region'), id: v1.id, version: 2, document: bad3 }),
    );
    expect(f3).toMatchObject({ code: 'INVALID_INPUT', fields: ['items[1].section'] });
    expect(f3.message).toMatch(/из анкеты другой группы/);

    await database.db.transaction((tx) => freezeInstrument(tx, v1.id));
    const frozen = await failure(
      updateInstrument(database.db, { actor: f.as('region'), id: v1.id, version: 2, document: edited }),
    );
    expect(frozen.code).toBe('CONFLICT');
    expect(frozen.message).toMatch(/заморожена/);
    expect(
      (await failure(deleteInstrument(database.db, { actor: f.as('region'), id: v1.id, version: 2 }))).code,
    ).toBe('CONFLICT');
    const next = await createInstrumentVersion(database.db, { actor: f.as('region'), basedOnId: v1.id });
    expect(next.document.items[k]?.options?.[1]?.risk).toBe(0.5);

    const events = await database.db
      .select({ type: auditEvents.type, payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'risk_instrument'), eq(auditEvents.entityId, v1.id)));
    expect(events.map((e) => e.type).sort()).toEqual(['risk_instrument.created', 'risk_instrument.updated']);
    expect(events.find((e) => e.type === 'risk_instrument.updated')?.payload).toMatchObject({
      changes: [doc.items[k]?.id],
    });
  });

  it('imports a JSON file as the next version of its code; another region does not see it', async () => {
    const file = { ...structuredClone(DEFAULT_INSTRUMENT), id: 'my-ankety', version: 7, title: 'Мои анкеты' };
    const imported = await importInstrument(database.db, { actor: f.as('region'), document: file });
    expect(imported).toMatchObject({ code: 'my-ankety', versionNo: 1, title: 'Мои анкеты' });
    expect(imported.document.version).toBe(1);
    const bad = await failure(
      importInstrument(database.db, {
        actor: f.as('region'),
        document: { id: 'x', version: 1, factors: [], items: [] },
      }),
    );
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', fields: ['factors', 'items'] });

    const other = await createOrgUnit(database.db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: null, kind: 'region', name: 'Другая область' },
    });
    const [row] = await database.db
      .insert(riskInstruments)
      .values({ regionId: other.id, code: 'x', versionNo: 1, title: 'x', document: DEFAULT_INSTRUMENT })
      .returning({ id: riskInstruments.id });
    expect(
      (await failure(getInstrument(database.db, { actor: f.as('region'), id: row?.id ?? '' }))).code,
    ).toBe('NOT_FOUND');
    expect((await failure(getInstrument(database.db, { actor: f.as('mun1'), id: row?.id ?? '' }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('risk factors: the defaults, «Изменить для года» with a version, codes of the year’s frozen instruments stay', async () => {
    const defaults = await getRiskFactors(database.db, { actor: f.as('mun2'), year: 2026 });
    expect(defaults).toMatchObject({ own: false, version: 0, lockedCodes: [] });
    expect(defaults.factors).toHaveLength(12);
    const renamed = defaults.factors.map((x) =>
      x.code === '3' ? { ...x, name: 'Компетентность педагогов' } : x,
    );
    const own = await saveRiskFactors(database.db, {
      actor: f.as('region'),
      input: {
        year: 2026,
        version: 0,
        factors: [...renamed, { code: '13', name: 'Новый фактор', description: '' }],
      },
    });
    expect(own).toMatchObject({ own: true, version: 1 });
    expect(own.factors.map((x) => x.code)).toEqual([...defaults.factors.map((x) => x.code), '13']);
    expect(own.factors[2]?.name).toBe('Компетентность педагогов');
    expect((await getRiskFactors(database.db, { actor: f.as('region'), year: 2025 })).own).toBe(false);
    expect(
      (
        await failure(
          saveRiskFactors(database.db, {
            actor: f.as('region'),
            input: { year: 2026, version: 0, factors: renamed },
          }),
        )
      ).code,
    ).toBe('CONFLICT');
    expect(
      (
        await failure(
          saveRiskFactors(database.db, {
            actor: f.as('mun1'),
            input: { year: 2026, version: 1, factors: renamed },
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          saveRiskFactors(database.db, {
            actor: f.as('region'),
            input: { year: 2026, version: 1, factors: [renamed[0], renamed[0]] as never },
          }),
        )
      ).code,
    ).toBe('INVALID_INPUT');

    // a campaign of 2026 with a frozen instrument locks its factor codes
    const [frozen] = await listInstruments(database.db, { actor: f.as('region') }).then((l) =>
      l.filter((i) => i.status === 'frozen'),
    );
    await database.db.insert(riskCampaigns).values({
      ownerUnitId: f.R.id,
      instrumentId: frozen?.id ?? '',
      year: 2026,
      title: 'Кампания',
      groups: ['director'],
      opensOn: '2026-09-01',
      closesOn: '2026-10-01',
      status: 'open',
    });
    expect(
      (await getRiskFactors(database.db, { actor: f.as('region'), year: 2026 })).lockedCodes,
    ).toHaveLength(12);
    const removing = await failure(
      saveRiskFactors(database.db, {
        actor: f.as('region'),
        input: { year: 2026, version: 1, factors: renamed.filter((x) => x.code !== '5') },
      }),
    );
    expect(removing.code).toBe('INVALID_INPUT');
    expect(removing.message).toMatch(/Нельзя убрать фактор 5/);
    // the new factor 13 is in no frozen instrument: it can go
    const back = await saveRiskFactors(database.db, {
      actor: f.as('region'),
      input: { year: 2026, version: 1, factors: renamed },
    });
    expect(back).toMatchObject({ version: 2 });
    expect(back.factors).toHaveLength(12);
    const usedBy = (await getInstrument(database.db, { actor: f.as('mun2'), id: frozen?.id ?? '' })).usedBy;
    expect(usedBy).toEqual([expect.objectContaining({ title: 'Кампания', year: 2026 })]);
  });
});
