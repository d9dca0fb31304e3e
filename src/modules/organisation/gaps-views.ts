import { z } from 'zod';
import { ORG_KINDS } from '../../db/schema/values.js';

// Response shape of «Пробелы» (issue 12 §4); the page builds each row's link from the ids.

export const SHNOR_GAPS = ['curator', 'mentor', 'agreement', 'roadmap', 'program'] as const;
export type ShnorGap = (typeof SHNOR_GAPS)[number];

const int = z.number().int();

export const gapsView = z
  .object({
    unit: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORG_KINDS) }),
    year: int,
    shnorListText: z.string(),
    shnor: z
      .array(
        z.object({
          schoolId: z.uuid(),
          schoolName: z.string(),
          municipalityName: z.string().nullable(),
          missing: z.array(z.enum(SHNOR_GAPS)).describe('Чего нет у ШНОР в этом учебном году'),
        }),
      )
      .describe('ШНОР списка в силе, у которых чего-то нет'),
    overloadedCurators: z.array(z.object({ curatorId: z.uuid(), name: z.string(), schools: int })),
    bodies: z
      .array(
        z.object({
          bodyId: z.uuid(),
          bodyName: z.string(),
          unitName: z.string(),
          missed: z.array(z.object({ from: z.string(), to: z.string() })),
        }),
      )
      .describe('Органы, пропустившие ожидаемые заседания в этом учебном году'),
    events: z
      .array(
        z.object({
          eventId: z.uuid(),
          title: z.string(),
          startsOn: z.string(),
          target: int,
          invited: int,
          tookPart: int,
          share: z.number(),
        }),
      )
      .describe('Проведённые мероприятия с приглашениями, где доля участвовавших ниже целевой'),
  })
  .meta({ id: 'CoverageGaps' });

export type GapsView = z.infer<typeof gapsView>;
