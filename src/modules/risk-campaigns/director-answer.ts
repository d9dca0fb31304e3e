import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { riskInstruments, riskResponses } from '../../db/schema/risk-profiles.js';
import { AppError, invalid, notFound, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';
import { answersInput } from './answer-input.js';
import { formItems, stateOf } from './answer-link.js';
import { assertSchoolTeam, loadCampaignSchool } from './campaign-access.js';
import { MSG } from './strings.js';
import { directorRespondentId } from './tokens.js';
import { parsedInstrument, type RawAnswers, validateAnswers } from './validate-answers.js';
import type { answerFormView } from './views.js';

// The director answers signed in, as the school's team, once per campaign and school.

async function directorContext(db: Db, actor: Actor, campaignId: string, schoolId: string) {
  const ctx = await loadCampaignSchool(db, actor, campaignId, schoolId);
  assertSchoolTeam(actor, schoolId);
  if (!ctx.campaign.groups.includes('director')) throw invalid(MSG.groupNotInCampaign);
  const [ins] = await db
    .select({ document: riskInstruments.document })
    .from(riskInstruments)
    .where(eq(riskInstruments.id, ctx.campaign.instrumentId));
  if (!ins) throw notFound('Анкета');
  return {
    ...ctx, // A draft campaign's instrument may still be edited: not cached until the campaign opens.
    parsed: parsedInstrument(ctx.campaign.instrumentId, ins.document, ctx.campaign.status !== 'draft'),
  };
}

export async function getDirectorForm(
  db: Db,
  opts: { actor: Actor; campaignId: string; schoolId: string; today: string },
): Promise<z.infer<typeof answerFormView>> {
  const { campaign, school, parsed } = await directorContext(db, opts.actor, opts.campaignId, opts.schoolId);
  const [done] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(riskResponses)
    .where(
      and(
        eq(riskResponses.campaignId, campaign.id),
        eq(riskResponses.respondentId, directorRespondentId(campaign.id, school.schoolId)),
      ),
    );
  return {
    campaignTitle: campaign.title,
    opensOn: campaign.opensOn,
    closesOn: campaign.closesOn,
    state: stateOf(campaign, opts.today),
    schoolName: school.shortName ?? school.name,
    group: 'director',
    answered: (done?.n ?? 0) > 0,
    items: formItems(parsed.instrument, 'director'),
  };
}

export async function submitDirectorAnswer(
  db: Db,
  opts: { actor: Actor; campaignId: string; schoolId: string; answers: RawAnswers; today: string },
): Promise<{ ok: true; submittedAt: string }> {
  const input = parseInput(answersInput, { answers: opts.answers });
  const { campaign, school, parsed } = await directorContext(db, opts.actor, opts.campaignId, opts.schoolId);
  const state = stateOf(campaign, opts.today);
  if (state === 'closed') throw invalid(MSG.closed);
  if (state === 'not_yet_open') throw invalid(MSG.notYetOpen(formatRuDate(campaign.opensOn)));
  const answers = validateAnswers(parsed, 'director', input.answers);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(riskResponses)
      .values({
        campaignId: campaign.id,
        schoolId: school.schoolId,
        group: 'director',
        respondentId: directorRespondentId(campaign.id, school.schoolId),
        userId: opts.actor.userId,
        answers,
      })
      .onConflictDoNothing()
      .returning({ submittedAt: riskResponses.submittedAt });
    if (!row) throw new AppError('CONFLICT', MSG.directorAnswered);
    await recordEvent(
      tx,
      opts.actor,
      'risk_campaign.director_answered',
      { entityType: 'risk_campaign', entityId: campaign.id, orgUnitId: school.schoolId },
      { schoolId: school.schoolId },
    );
    return { ok: true as const, submittedAt: row.submittedAt.toISOString() };
  });
}
