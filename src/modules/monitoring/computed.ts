import type { Db } from '../../db/client.js';
import type { MonitoringKind } from '../../db/schema/values.js';
import { indicatorsOfUnit, indicatorsTable } from './indicators-kind.js';
import { positiveChangeSchools, positiveChangeTable } from './positive-change-kind.js';
import { roadmapExecution, roadmapExecutionMeasures } from './roadmap-execution.js';

// Computed monitorings: the kind names a function that builds the table from the data already in the
// system for the participants as of the monitoring's date — nothing is typed by the participants.
// A kind absent from the registry is neither offered in the builder nor accepted by the API.

export type ComputedColumn = { key: string; label: string; unit: 'count' | 'share' };
export type ComputedRow = { unitId: string; values: Record<string, number | null> };
export type ComputedTable = { columns: ComputedColumn[]; rows: ComputedRow[]; note: string };
/** The drill-down of one unit: the records behind its row (for roadmap execution, its measures). */
export type ComputedDetail = {
  columns: { key: string; label: string }[];
  rows: Record<string, string | number | boolean | null>[];
};

export type ComputeArgs = {
  year: number;
  asOf: string;
  units: { id: string; path: string; kind: string }[];
  /** the indicators of an 'indicators' monitoring */
  indicatorCodes: string[];
};

export type ComputedKindSpec = {
  compute: (db: Db, args: ComputeArgs) => Promise<ComputedTable>;
  detail: (
    db: Db,
    args: ComputeArgs & { unit: { id: string; path: string; kind: string } },
  ) => Promise<ComputedDetail>;
};

export const COMPUTED_KINDS: Partial<Record<Exclude<MonitoringKind, 'form'>, ComputedKindSpec>> = {
  roadmap_execution: { compute: roadmapExecution, detail: roadmapExecutionMeasures },
  positive_change: { compute: positiveChangeTable, detail: positiveChangeSchools },
  indicators: { compute: indicatorsTable, detail: indicatorsOfUnit },
};

/** The kinds a monitoring may be created with now: a form, and each registered computation. */
export const availableKinds = (): MonitoringKind[] => [
  'form',
  ...(Object.keys(COMPUTED_KINDS) as MonitoringKind[]),
];

export const computedSpec = (kind: MonitoringKind): ComputedKindSpec | undefined =>
  kind === 'form' ? undefined : COMPUTED_KINDS[kind];
