import { z } from 'zod';
import { MEETING_KINDS } from '../../db/schema/values.js';
import { isoDate, recordVersion } from '../../lib/input.js';

// What the forms of a meeting send: a new meeting (of a body, or an interview/visit of a school), then
// its agenda, participants, protocol and decisions in one edit with a version check.

const text = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, `Не длиннее ${max} знаков`);
const optionalText = (max: number) => z.string().trim().max(max, `Не длиннее ${max} знаков`).nullish();

export const participantInput = z
  .object({
    fullName: text(200, 'Укажите ФИО'),
    position: optionalText(200),
    orgUnitId: z.uuid().nullish(),
    isMember: z.boolean().default(false),
    attended: z.boolean().default(true),
  })
  .strict();

export const decisionInput = z
  .object({
    /** an existing decision of this meeting; absent: a new one */
    id: z.uuid().nullish(),
    text: text(4000, 'Укажите решение'),
    responsibleUnitId: z.uuid({ message: 'Укажите ответственную организацию' }),
    dueDate: isoDate('Срок в формате ГГГГ-ММ-ДД').nullish(),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionInput>;

export const createMeetingInput = z
  .object({
    kind: z.enum(MEETING_KINDS),
    bodyId: z.uuid().nullish(),
    schoolId: z.uuid().nullish(),
    date: isoDate('Дата заседания в формате ГГГГ-ММ-ДД'),
    title: text(300, 'Укажите тему'),
    agenda: optionalText(20_000),
    /** omitted: the body's members, ticked present */
    participants: z.array(participantInput).max(300).optional(),
    /** a review (issue 13 §5): the issued report or the monitoring it considered */
    reportId: z.uuid().nullish(),
    monitoringId: z.uuid().nullish(),
    protocolNumber: optionalText(50),
    /** a review records its decisions at once */
    decisions: z.array(decisionInput).max(100).optional(),
  })
  .strict();
export type CreateMeetingInput = z.input<typeof createMeetingInput>;

export const updateMeetingInput = z
  .object({
    version: recordVersion(),
    date: isoDate('Дата заседания в формате ГГГГ-ММ-ДД').optional(),
    title: text(300, 'Укажите тему').optional(),
    agenda: optionalText(20_000),
    protocolNumber: optionalText(50),
    protocol: optionalText(100_000),
    participants: z.array(participantInput).max(300).optional(),
    /** the whole list: an open decision left out is removed, a closed one stays as it is */
    decisions: z.array(decisionInput).max(100).optional(),
  })
  .strict();
export type UpdateMeetingInput = z.input<typeof updateMeetingInput>;

export const completeDecisionInput = z
  .object({ version: recordVersion(), outcome: text(4000, 'Опишите, что сделано') })
  .strict();
export const cancelDecisionInput = z
  .object({ version: recordVersion(), reason: text(4000, 'Укажите причину отмены') })
  .strict();

export const decisionsQuery = z.object({ view: z.enum(['mine', 'overdue']).default('mine') }).strict();
export const missedQuery = z.object({ unitId: z.uuid().optional() }).strict();

export const schoolMeetingsQuery = z.object({ schoolId: z.uuid().optional() }).strict();
