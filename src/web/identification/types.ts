// Shapes of the identification API (docs/identification-api.md), from the types generated out of the
// OpenAPI document (shared/api-schema.ts); dates arrive as ISO strings.
import type { ApiData } from '../shared/api.js';
import type { components } from '../shared/api-schema.js';

type Schemas = components['schemas'];

export type Flags = Schemas['Flags'];
export type FlagKey = keyof Flags;
export type FlagCounts = Record<FlagKey, number>;
export type LowProcedure = Schemas['LowProcedure'];
export type ListComparison = Schemas['ListComparison'];
export type ListDetail = Schemas['ListDetail'];
export type ListEntry = Schemas['ListEntry'];
export type ListSchool = ListEntry['school'];
export type ListSummary = Schemas['ListSummary'];
export type ListStatus = ListSummary['status'];
export type ListKind = ListSummary['kind'];
export type MunicipalityConcentration = Schemas['MunicipalityConcentration'];
/** A school named in a comparison: where it is, without its figures. */
export type SchoolBrief = { id: string; name: string; municipality: { id: string; name: string } | null };

export type YearData = Schemas['DataYear'];
export type ImportReport = Schemas['AssessmentImportResult'];
/** As the client reads it (the document's `repeatWindow` pair comes as an array). */
export type MethodologyVersion = ApiData<'/api/methodologies', 'get'>[number];
export type MethodologyStatus = MethodologyVersion['status'];
/** The document of a methodology version: thresholds, indicators and rules. */
export type Methodology = MethodologyVersion['document'];
export type RunView = Schemas['Run'];
export type RunStatus = RunView['status'];
/** The data of years the run used were imported again after it was started (stale-runs.ts). */
export type RunStaleness = NonNullable<RunView['staleness']>;
export type RunResult = Schemas['RunResult'];
export type Comparison = Pick<Schemas['RunComparison'], 'flags' | 'byMunicipality'>;
export type SchoolCard = Schemas['SchoolCard'];
export type Indicators = Pick<NonNullable<SchoolCard['indicators']>['region'], 'r' | 'isbsh' | 'lowShareAvg'>;

// Assessment tables of any layout (issue 16 §1).
export type TableMapping = Schemas['AssessmentTableMapping'];
export type TableAnalysisResult = Schemas['AssessmentTableAnalysisResult'];
export type TableUploadResult = Schemas['AssessmentTableUploadResult'];
export type TableTemplate = Schemas['AssessmentTableTemplate'];
