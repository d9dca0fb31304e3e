import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskCampaigns, riskInstruments } from '../../db/schema/risk-profiles.js';
import { riskFactors } from '../../db/schema/risk-reference.js';
import type { Actor } from '../access/actor.js';
import { DEFAULT_RISK_FACTORS } from './default-factors.js';
import type { Instrument } from './instrument.js';
import { requireRiskReferenceRegion } from './instrument-access.js';
import type { RiskFactorsView } from './instrument-views.js';

// The region's risk factors for a year: its own list if it made one («Изменить для года»), else the
// system's defaults. `lockedCodes` — factors of frozen instruments that the year's campaigns use: those
// campaigns' profiles are reported by these codes, so the factor cannot leave the year's list.

export async function lockedFactorCodes(db: Db, regionId: string, year: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: riskInstruments.id, document: riskInstruments.document })
    .from(riskInstruments)
    .innerJoin(riskCampaigns, eq(riskCampaigns.instrumentId, riskInstruments.id))
    .where(
      and(
        eq(riskInstruments.regionId, regionId),
        eq(riskInstruments.status, 'frozen'),
        eq(riskCampaigns.year, year),
      ),
    );
  const codes = new Set<string>();
  for (const r of rows) for (const f of (r.document as Instrument).factors ?? []) codes.add(f.code);
  return [...codes];
}

export async function factorsOfYear(db: Db, regionId: string, year: number) {
  const rows = await db
    .select()
    .from(riskFactors)
    .where(and(eq(riskFactors.regionId, regionId), eq(riskFactors.year, year)))
    .orderBy(asc(riskFactors.position));
  return rows;
}

export async function getRiskFactors(db: Db, opts: { actor: Actor; year: number }): Promise<RiskFactorsView> {
  const regionId = requireRiskReferenceRegion(opts.actor, 'read');
  const rows = await factorsOfYear(db, regionId, opts.year);
  const lockedCodes = await lockedFactorCodes(db, regionId, opts.year);
  if (rows.length === 0) {
    return {
      year: opts.year,
      own: false,
      version: 0,
      factors: DEFAULT_RISK_FACTORS.map(({ code, name, description }) => ({ code, name, description })),
      lockedCodes,
      updatedAt: null,
    };
  }
  const latest = rows.reduce((a, r) => (r.updatedAt > a ? r.updatedAt : a), rows[0]?.updatedAt as Date);
  return {
    year: opts.year,
    own: true,
    version: rows[0]?.version ?? 1,
    factors: rows.map(({ code, name, description }) => ({ code, name, description })),
    lockedCodes,
    updatedAt: latest.toISOString(),
  };
}
