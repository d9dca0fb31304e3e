// Risk profiles: respondents and questionnaires, risk levels, campaigns and the verification of a profile.

/** Who answers a questionnaire of a risk-profile instrument, in the order every output lists them. */
export const RESPONDENT_GROUPS = ['director', 'teacher', 'pupil', 'parent'] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];

export const INSTRUMENT_ITEM_TYPES = ['single', 'multi', 'scale', 'number'] as const;
export type InstrumentItemType = (typeof INSTRUMENT_ITEM_TYPES)[number];

/** A factor's level in a risk profile; `nodata` when too few answers define it. */
export const RISK_LEVELS = ['high', 'medium', 'low', 'none', 'nodata'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** An instrument version is edited as a draft and frozen for good once a campaign uses it. */
export const INSTRUMENT_STATUSES = ['draft', 'frozen'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The start-of-year diagnosis, or the end-of-year repeat that measures the change against a baseline. */
export const CAMPAIGN_STAGES = ['baseline', 'followup'] as const;
export type CampaignStage = (typeof CAMPAIGN_STAGES)[number];

/** не начата → визит проведён → профиль верифицирован */
export const VERIFICATION_STATUSES = ['not_started', 'visited', 'verified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
