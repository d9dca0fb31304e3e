import { z } from 'zod';
import { INDICATOR_DIRECTIONS, ORG_KINDS, SCHOOL_GROUPS } from '../../db/schema/values.js';
import { figureSourceSchema } from '../reports/report-model.js';
import { FIGURE_KEYS } from './figures.js';

// Request and response shapes of teachers' support coverage (issue 14 §1), declared once for the
// routes, the OpenAPI document and the typed browser client.

const int = z.number().int();

export const peopleCoverageQuery = z
  .object({
    unitId: z.uuid({ message: 'Неверный идентификатор организации' }).optional(),
    year: z.coerce
      .number({ message: 'Укажите учебный год числом' })
      .int({ message: 'Укажите учебный год числом' })
      .min(2000, { message: 'Учебный год вне допустимого диапазона' })
      .max(2100, { message: 'Учебный год вне допустимого диапазона' })
      .optional()
      .describe('Учебный год по году начала (2026 = 2026/27); по умолчанию текущий'),
    group: z
      .enum(SCHOOL_GROUPS, { message: 'Группа школ: all, shnor или risk_zone' })
      .optional()
      .describe('Группа школ: все, ШНОР или зона риска по списку в силе; по умолчанию все'),
  })
  .strict();
export type PeopleCoverageQuery = z.infer<typeof peopleCoverageQuery>;

const band = z.enum(['green', 'yellow', 'red', 'none']);

export const peopleFigureView = z.object({
  key: z.enum(FIGURE_KEYS),
  numerator: int,
  denominator: int,
  share: z.number().nullable().describe('Доля в процентах (один знак); null — не от чего считать'),
  band,
  target: z
    .object({ target: z.number(), warn: z.number() })
    .nullable()
    .describe('Цель показателя каталога для этой организации (доля 0…1) и порог'),
});

const unitRef = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORG_KINDS) });

export const peopleUnitView = z.object({
  unit: unitRef,
  teachers: int.describe('Педагогов в реестрах школ группы (работающих)'),
  schools: int.describe('Школ группы в организации'),
  figures: z.array(peopleFigureView),
});

export const peopleCoverageView = z
  .object({
    year: int,
    yearLabel: z.string(),
    years: z.array(int),
    group: z.enum(SCHOOL_GROUPS),
    groupText: z.string().describe('Какие школы считаются (для ШНОР и зоны риска — список в силе)'),
    definitions: z.array(
      z.object({
        key: z.enum(FIGURE_KEYS),
        label: z.string(),
        indicatorCode: z.string(),
        direction: z.enum(INDICATOR_DIRECTIONS),
        source: figureSourceSchema,
      }),
    ),
    unit: peopleUnitView,
    parent: unitRef.nullable(),
    children: z.array(peopleUnitView).describe('Организации уровнем ниже, видимые пользователю'),
  })
  .meta({ id: 'PeopleCoverage' });

export type PeopleCoverageView = z.infer<typeof peopleCoverageView>;
export type PeopleUnitView = z.infer<typeof peopleUnitView>;
