import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import {
  riskCampaignSchools,
  riskCampaigns,
  riskProfiles,
  riskVerifications,
} from '../../db/schema/risk-profiles.js';
import type { CampaignRow } from './profile-access.js';
import type { CampaignRefView } from './profile-views.js';
import type { SchoolProfile } from './score-profile.js';

// Plain reads of stored profiles and verifications, shared by the views. No access checks here: the
// callers have checked that the actor sees the school and the campaign.

export const campaignRef = (c: CampaignRow): CampaignRefView => ({
  id: c.id,
  title: c.title,
  year: c.year,
  stage: c.stage,
  status: c.status,
  baselineCampaignId: c.baselineCampaignId,
});

export async function storedProfile(
  db: Db,
  campaignId: string,
  schoolId: string,
): Promise<{ profile: SchoolProfile; computedAt: Date } | null> {
  const [row] = await db
    .select({ result: riskProfiles.result, computedAt: riskProfiles.computedAt })
    .from(riskProfiles)
    .where(and(eq(riskProfiles.campaignId, campaignId), eq(riskProfiles.schoolId, schoolId)));
  return row ? { profile: row.result as SchoolProfile, computedAt: row.computedAt } : null;
}

/** The campaigns the school takes part in, the latest first. */
export async function campaignsOfSchool(db: Db, schoolId: string): Promise<CampaignRow[]> {
  const rows = await db
    .select({ c: riskCampaigns })
    .from(riskCampaignSchools)
    .innerJoin(riskCampaigns, eq(riskCampaigns.id, riskCampaignSchools.campaignId))
    .where(eq(riskCampaignSchools.schoolId, schoolId))
    .orderBy(desc(riskCampaigns.year), desc(riskCampaigns.stage), desc(riskCampaigns.createdAt));
  return rows.map((r) => r.c);
}

export type VerificationRow = typeof riskVerifications.$inferSelect & { verifiedByName: string | null };

export async function verificationOf(
  db: Db,
  campaignId: string,
  schoolId: string,
): Promise<VerificationRow | null> {
  const [row] = await db
    .select({ v: riskVerifications, name: users.fullName })
    .from(riskVerifications)
    .leftJoin(users, eq(users.id, riskVerifications.verifiedBy))
    .where(and(eq(riskVerifications.campaignId, campaignId), eq(riskVerifications.schoolId, schoolId)));
  return row ? { ...row.v, verifiedByName: row.name } : null;
}
