// Shapes of the identification API (docs/identification-api.md), taken from the server's own types so the
// two never drift apart; dates arrive as ISO strings.
import type { DataYear } from '../../modules/assessment-data/data-years.js';
import type { ImportAssessmentResult } from '../../modules/assessment-data/import-assessment-data.js';
import type { RunComparison } from '../../modules/identification/compare-runs.js';
import type { Flags, LowProcedure } from '../../modules/identification/identify.js';
import type {
  ListComparison,
  MunicipalityConcentration,
  SchoolBrief,
  SchoolCard as ServerSchoolCard,
} from '../../modules/identification/list-views.js';
import type {
  ListDetail,
  ListEntry,
  SchoolRef as ListSchool,
  ListSummary,
} from '../../modules/identification/lists.js';
import type { MethodologyView } from '../../modules/identification/methodologies.js';
import type { Methodology } from '../../modules/identification/methodology.js';
import type { RunResultView, RunView as ServerRunView } from '../../modules/identification/runs.js';

/** What JSON.stringify makes of a server value: dates become strings. */
export type Json<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export type {
  Flags,
  ListComparison,
  ListDetail,
  ListEntry,
  ListSchool,
  ListSummary,
  LowProcedure,
  Methodology,
  MunicipalityConcentration,
  SchoolBrief,
};
export type FlagKey = keyof Flags;
export type FlagCounts = Record<FlagKey, number>;

export type YearData = Json<DataYear>;
export type ImportReport = ImportAssessmentResult;
export type MethodologyVersion = Json<MethodologyView>;
export type MethodologyStatus = MethodologyView['status'];
export type RunView = Json<ServerRunView>;
export type RunStatus = RunView['status'];
/** The data of years the run used were imported again after it was started (stale-runs.ts). */
export type RunStaleness = NonNullable<RunView['staleness']>;
export type RunResult = RunResultView;
export type Comparison = Json<Pick<RunComparison, 'flags' | 'byMunicipality'>>;
export type ListStatus = ListSummary['status'];
export type SchoolCard = Json<ServerSchoolCard>;
export type Indicators = Pick<NonNullable<SchoolCard['indicators']>['region'], 'r' | 'isbsh' | 'lowShareAvg'>;
