import { z } from 'zod';
import { CAMPAIGN_STAGES, RESPONDENT_GROUPS } from '../../db/schema/values.js';
import { isoDate, recordVersion } from '../../lib/input.js';
import { MSG } from './strings.js';

// Request schemas of a campaign: the form of the page and the route validate with the same ones.

const expectedCount = z
  .number({ message: 'Ожидаемое число — целое число' })
  .int('Ожидаемое число — целое число')
  .min(0, 'Ожидаемое число — не меньше 0')
  .max(100_000, 'Ожидаемое число — не больше 100 000');

export const expectedInput = z.object({
  director: expectedCount.optional(),
  teacher: expectedCount.optional(),
  pupil: expectedCount.optional(),
  parent: expectedCount.optional(),
});

export const campaignSchoolInput = z.object({
  schoolId: z.uuid({ message: 'Неверный идентификатор школы' }),
  expected: expectedInput,
});

const title = z
  .string({ message: 'Укажите название' })
  .trim()
  .min(1, 'Укажите название')
  .max(300, 'Название — не длиннее 300 символов');

const fields = {
  title,
  instrumentId: z.uuid({ message: 'Выберите анкеты' }),
  year: z
    .number({ message: 'Укажите год' })
    .int('Год — целое число')
    .min(2000, 'Год не раньше 2000')
    .max(2100, 'Год не позже 2100'),
  stage: z.enum(CAMPAIGN_STAGES, { message: 'Этап: baseline или followup' }),
  baselineCampaignId: z
    .uuid({ message: 'Неверный идентификатор исходного анкетирования' })
    .nullable()
    .optional(),
  groups: z
    .array(z.enum(RESPONDENT_GROUPS, { message: 'Группа: director, teacher, pupil или parent' }))
    .min(1, MSG.noGroups)
    .max(4),
  opensOn: isoDate('Дата начала в формате ГГГГ-ММ-ДД'),
  closesOn: isoDate('Дата окончания в формате ГГГГ-ММ-ДД'),
  schools: z.array(campaignSchoolInput).min(1, MSG.noSchools).max(10_000, 'Не больше 10 000 школ'),
};

export const createCampaignInput = z.object({
  ownerUnitId: z.uuid({ message: 'Неверный идентификатор организации' }),
  ...fields,
});
export type CreateCampaignInput = z.input<typeof createCampaignInput>;

export const updateCampaignInput = z.object({
  title: fields.title.optional(),
  stage: fields.stage.optional(),
  baselineCampaignId: fields.baselineCampaignId,
  groups: fields.groups.optional(),
  opensOn: fields.opensOn.optional(),
  closesOn: fields.closesOn.optional(),
  schools: fields.schools.optional(),
  version: recordVersion('Нужна версия анкетирования'),
});
export type UpdateCampaignInput = z.input<typeof updateCampaignInput>;

export const versionInput = z.object({ version: recordVersion('Нужна версия анкетирования') });
