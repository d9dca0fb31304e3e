import { freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import {
  riskCampaignSchools,
  riskCampaigns,
  riskInstruments,
  riskProfiles,
  riskVerifications,
} from '../../db/schema/risk-profiles.js';
import { AppError } from '../../lib/errors.js';
import { DEFAULT_INSTRUMENT } from '../risk-profiles/default-instrument.js';
import type { SchoolProfile } from '../risk-profiles/score-profile.js';
import { createDocument } from './create-document.js';

// The setting of the school document tests (programs-documents, programs-workflow .db.test.ts).

export const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

export type ProgramsSetting = Awaited<ReturnType<typeof setUpPrograms>>;

/** A fresh database: the fixture's region and a verified risk profile of S1; `create` makes a document. */
export async function setUpPrograms(kind: 'pglite' | 'postgres') {
  const database = await freshDatabase(kind);
  const f = await buildRegion(database.db);
  // A verified profile of S1: factor 9 high (the curator confirmed it), priorities 9 and 8.
  const db = database.db;
  const [ins] = await db
    .insert(riskInstruments)
    .values({
      regionId: f.R.id,
      code: 'x',
      versionNo: 1,
      title: 'Анкеты',
      document: DEFAULT_INSTRUMENT,
      status: 'frozen',
    })
    .returning();
  const [camp] = await db
    .insert(riskCampaigns)
    .values({
      ownerUnitId: f.R.id,
      instrumentId: ins?.id ?? '',
      year: 2026,
      title: 'Анкетирование',
      groups: ['director', 'teacher', 'pupil', 'parent'],
      opensOn: '2026-09-20',
      closesOn: '2026-10-20',
      status: 'closed',
    })
    .returning();
  const result: SchoolProfile = {
    schoolId: f.S1.id,
    groups: { director: 1, teacher: 8, pupil: 20, parent: 3 },
    excludedGroups: ['parent'],
    factors: [
      {
        code: '9',
        score: 0.71,
        level: 'high',
        items: [{ itemId: 'pupil-9', group: 'pupil', weight: 1, score: 0.71, respondents: 20 }],
      },
      { code: '8', score: 0.45, level: 'medium', items: [] },
    ],
  };
  await db.insert(riskCampaignSchools).values({ campaignId: camp?.id ?? '', schoolId: f.S1.id });
  await db.insert(riskProfiles).values({ campaignId: camp?.id ?? '', schoolId: f.S1.id, result });
  await db.insert(riskVerifications).values({
    campaignId: camp?.id ?? '',
    schoolId: f.S1.id,
    status: 'verified',
    levels: {
      '9': { computed: 'high', level: 'high', comment: null },
      '8': { computed: 'medium', level: 'high', comment: 'Родители не приходят на собрания' },
    },
    priorityFactors: ['9', '8'],
  });
  const create = (
    login: string,
    schoolId: string,
    factorCode: string | null,
    k = 'antirisk_program' as const,
  ) =>
    createDocument(database.db, { actor: f.as(login), input: { schoolId, year: 2026, kind: k, factorCode } });
  return { database, f, create };
}
