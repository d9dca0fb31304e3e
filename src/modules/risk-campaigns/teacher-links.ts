import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { riskCampaignLinks } from '../../db/schema/risk-campaigns.js';
import { invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { assertSchoolTeam, loadCampaignSchool } from './campaign-access.js';
import { MSG } from './strings.js';
import { hashToken, newToken } from './tokens.js';

// Personal one-time links for the school's teachers. The tokens are shown once, in this answer: the
// database keeps their hashes only, so a lost link is replaced by a new one, never shown again.

export const teacherLinksInput = z.object({
  count: z
    .number({ message: 'Укажите число ссылок' })
    .int('Число ссылок — целое')
    .min(1, 'Хотя бы одна ссылка')
    .max(200, 'Не больше 200 ссылок за раз'),
  labels: z
    .array(z.string().trim().max(200, 'Имя — не длиннее 200 символов'))
    .max(200, 'Не больше 200 имён')
    .optional(),
});
export type TeacherLinksInput = z.input<typeof teacherLinksInput>;

export async function createTeacherLinks(
  db: Db,
  opts: { actor: Actor; campaignId: string; schoolId: string } & TeacherLinksInput,
): Promise<{ links: { id: string; label: string | null; token: string }[] }> {
  const input = parseInput(teacherLinksInput, { count: opts.count, labels: opts.labels });
  const { campaign, school } = await loadCampaignSchool(db, opts.actor, opts.campaignId, opts.schoolId);
  assertSchoolTeam(opts.actor, school.schoolId);
  if (!campaign.groups.includes('teacher')) throw invalid(MSG.groupNotInCampaign);
  if (campaign.status === 'closed') throw invalid(MSG.closed);
  const links = Array.from({ length: input.count }, (_, i) => ({
    id: randomUUID(),
    token: newToken(),
    label: input.labels?.[i] || null,
  }));
  await db.transaction(async (tx) => {
    await tx.insert(riskCampaignLinks).values(
      links.map((l) => ({
        id: l.id,
        campaignId: campaign.id,
        schoolId: school.schoolId,
        group: 'teacher' as const,
        kind: 'personal' as const,
        tokenHash: hashToken(l.token),
        respondentId: randomUUID(),
        label: l.label,
        createdBy: opts.actor.userId,
      })),
    );
    await recordEvent(
      tx,
      opts.actor,
      'risk_campaign.links_created',
      { entityType: 'risk_campaign', entityId: campaign.id, orgUnitId: school.schoolId },
      { schoolId: school.schoolId, count: links.length },
    );
  });
  return { links };
}
