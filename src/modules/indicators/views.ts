import { z } from 'zod';
import { INDICATOR_DIRECTIONS, INDICATOR_UNITS, ORG_KINDS, TARGET_LEVELS } from '../../db/schema/values.js';
import { figureSourceSchema } from '../reports/report-model.js';

// Response shapes of indicators and targets (issue 13 §1), declared once for the API and the pages.

const int = z.number().int();
const unitRef = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORG_KINDS) });

export const indicatorView = z
  .object({
    code: z.string(),
    title: z.string(),
    unit: z.enum(INDICATOR_UNITS),
    direction: z.enum(INDICATOR_DIRECTIONS),
    definition: z.string(),
    block: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    own: z.object({ id: z.uuid(), version: int, active: z.boolean() }).nullable(),
  })
  .meta({ id: 'Indicator' });

export const targetView = z
  .object({
    id: z.uuid(),
    indicatorCode: z.string(),
    level: z.enum(TARGET_LEVELS),
    orgUnitId: z.uuid().nullable(),
    orgUnitName: z.string().nullable(),
    year: int,
    target: z.number(),
    warn: z.number(),
    version: int,
  })
  .meta({ id: 'IndicatorTarget' });

const bandEnum = z.enum(['green', 'yellow', 'red', 'none']);

export const figureView = z.object({
  value: z.number().nullable().describe('Доля 0…1, число или среднее; null — не от чего считать'),
  numerator: z.number(),
  denominator: z.number(),
  band: bandEnum,
  target: z.object({ target: z.number(), warn: z.number() }).nullable(),
});

export const unitFigureView = z.object({ unit: unitRef, figure: figureView });

export const indicatorResultView = z
  .object({
    indicator: indicatorView,
    regionId: z.uuid(),
    year: int,
    source: figureSourceSchema,
    unit: unitFigureView,
    /** the unit's parent the user may go up to (null at his widest unit) */
    parent: unitRef.nullable(),
    children: z.array(unitFigureView),
    targets: z.array(targetView),
    canSetTargets: z.boolean(),
    /** edits or switches off the region's own indicator (the regional operator) */
    canKeepIndicator: z.boolean(),
  })
  .meta({ id: 'IndicatorResult' });

export const blockView = z.object({ code: z.string(), title: z.string(), unit: z.enum(INDICATOR_UNITS) });

export const indicatorsOverviewView = z
  .object({
    unit: unitRef,
    regionId: z.uuid(),
    year: int,
    years: z.array(int),
    canKeep: z.boolean(),
    rows: z.array(z.object({ indicator: indicatorView, figure: figureView, source: figureSourceSchema })),
    blocks: z.array(blockView),
  })
  .meta({ id: 'IndicatorsOverview' });

export const indicatorDataView = z
  .object({
    indicator: indicatorView,
    year: int,
    school: unitRef,
    figure: figureView,
    source: figureSourceSchema,
    table: z.object({
      title: z.string(),
      columns: z.array(z.string()),
      rows: z.array(z.array(z.string())),
      source: figureSourceSchema,
    }),
  })
  .meta({ id: 'IndicatorData' });

export type IndicatorView = z.infer<typeof indicatorView>;
export type TargetView = z.infer<typeof targetView>;
export type FigureView = z.infer<typeof figureView>;
export type IndicatorResultView = z.infer<typeof indicatorResultView>;
export type IndicatorsOverviewView = z.infer<typeof indicatorsOverviewView>;
export type IndicatorDataView = z.infer<typeof indicatorDataView>;
